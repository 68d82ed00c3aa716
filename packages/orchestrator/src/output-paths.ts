import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SESSION_FILE, Tp2dgError } from '@tp2dg/entities';
import { pathSegment } from './path-segment.js';

/**
 * `<out>/<model>/<corpus>`: the reference layout's root for one model and corpus. An empty
 * name would drop its level (`<out>/<corpus>`), and a run directory that is not where it
 * seems is one `--fresh` could clear by mistake.
 */
export function corpusFolder(outputDir: string, model: string, corpus: string): string {
  if (model === '') {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      'the model name is empty: it names the run directory. Pass --model.',
    );
  }
  if (corpus === '') {
    throw new Tp2dgError(
      'LOADER_INVALID',
      'the data loader gave an empty corpus name: it names the run directory. Fix the loader.',
    );
  }
  return join(outputDir, pathSegment(model), pathSegment(corpus));
}

/** `<corpus folder>/<user_id>/<session_id>`. */
export function sessionFolder(corpusRoot: string, userId: string, sessionId: string): string {
  return join(corpusRoot, pathSegment(userId), pathSegment(sessionId));
}

/** A session folder is finished once it holds `session.json` (`SESSION_FILE`): folders are put in place whole. */
export function isFinished(folder: string): boolean {
  return existsSync(join(folder, SESSION_FILE));
}

const JOURNAL_EXTENSION = '.jsonl';
const STAGING_MARK = '.partial-';

/**
 * `<corpus folder>/.journal`: the answered calls of conversations not yet written, one file
 * each. A dot-folder, so readers of the results never take it for a user's.
 */
export function journalRoot(corpusRoot: string): string {
  return join(corpusRoot, '.journal');
}

/** `<corpus folder>/.journal/<user_id>/<session_id>.jsonl`. */
export function journalFile(corpusRoot: string, userId: string, sessionId: string): string {
  return join(journalRoot(corpusRoot), pathSegment(userId), `${pathSegment(sessionId)}${JOURNAL_EXTENSION}`);
}

/** How the staging folders of a session folder begin (`.<session>.partial-`); each gets a random end. */
export function stagingPrefix(folder: string): string {
  return `.${basename(folder)}${STAGING_MARK}`;
}

/** The session folder name a staging folder name was made for; undefined for any other name. */
export function stagedFolderName(name: string): string | undefined {
  const mark = name.lastIndexOf(STAGING_MARK);
  return name.startsWith('.') && mark > 1 ? name.slice(1, mark) : undefined;
}

/** The session folder name a journal file name was made for; undefined for any other name. */
export function journaledFolderName(name: string): string | undefined {
  return name.endsWith(JOURNAL_EXTENSION) && name.length > JOURNAL_EXTENSION.length
    ? name.slice(0, -JOURNAL_EXTENSION.length)
    : undefined;
}
