import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { EVAL_FILE, EVAL_SUMMARY_FILE, type Judge } from '@tp2dg/entities';

/** How the evaluation journals of a session folder begin: one per judge, `.eval-journal-<judge hash>.jsonl`. */
export const EVAL_JOURNAL_PREFIX = '.eval-journal-';

/** `<session folder>/eval.json`. */
export function evalFile(sessionFolder: string): string {
  return join(sessionFolder, EVAL_FILE);
}

/**
 * The answered judge calls of an evaluation not yet written. A request key leaves the model
 * out, so each judge (provider and model) has its own journal: another judge's answers are
 * never replayed as this one's.
 */
export function evalJournalFile(sessionFolder: string, judge: Pick<Judge, 'provider' | 'model'>): string {
  const id = createHash('sha256').update(`${judge.provider}\u0000${judge.model}`).digest('hex').slice(0, 16);
  return join(sessionFolder, `${EVAL_JOURNAL_PREFIX}${id}.jsonl`);
}

/** The run directory of a session folder, `<run directory>/<user>/<session>` in the run layout. */
export function runDirectoryOf(sessionFolder: string): string {
  return dirname(dirname(sessionFolder));
}

/** `<run directory>/eval-summary.json`. */
export function evalSummaryFile(runDirectory: string): string {
  return join(runDirectory, EVAL_SUMMARY_FILE);
}
