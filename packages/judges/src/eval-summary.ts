import {
  dataLabel,
  type EvalFile,
  EvalSummaryFileSchema,
  type Judge,
  replaceFile,
  summarizeJudgements,
  sumUsage,
  toJsonText,
} from '@tp2dg/entities';
import { readEvalFile } from './eval-file.js';
import { evalSummaryFile, runDirectoryOf } from './eval-paths.js';
import { judgeDifference } from './eval-plan.js';

/**
 * Writes the `eval-summary.json` of each run directory holding these session folders, from the
 * `eval.json` files this judge wrote there (this run's and earlier runs'), whole, in place.
 * A run directory without any is left without one. Returns the files written.
 */
export async function writeEvalSummaries(
  sessionFolders: readonly string[],
  judge: Judge,
  now: Date,
): Promise<string[]> {
  const written: string[] = [];
  for (const [runDirectory, folders] of groupByRunDirectory(sessionFolders)) {
    const evaluations: EvalFile[] = [];
    for (const folder of folders) {
      const evaluation = await readEvalFile(folder);
      if (evaluation !== undefined && judgeDifference(evaluation.judge, judge) === undefined)
        evaluations.push(evaluation);
    }
    if (evaluations.length === 0) continue;
    const summary = EvalSummaryFileSchema.parse({
      ...dataLabel(judge.provider),
      judge,
      updated_at: now.toISOString(),
      conversations: { evaluated: evaluations.length, unevaluated: folders.length - evaluations.length },
      rubrics: summarizeJudgements(evaluations.flatMap((evaluation) => evaluation.judgements)),
      call_count: evaluations.reduce((sum, evaluation) => sum + evaluation.call_count, 0),
      usage: sumUsage(evaluations.map((evaluation) => evaluation.usage)),
    });
    const file = evalSummaryFile(runDirectory);
    await replaceFile(file, `${toJsonText(summary, 2)}\n`);
    written.push(file);
  }
  return written;
}

function groupByRunDirectory(sessionFolders: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const folder of sessionFolders) {
    const runDirectory = runDirectoryOf(folder);
    groups.set(runDirectory, [...(groups.get(runDirectory) ?? []), folder]);
  }
  return groups;
}
