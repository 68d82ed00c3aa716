import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Turns an id from a corpus into one safe path segment: ids come from files we do not
 * control, and `../x` or `a/b` must not steer where a conversation is written. A leading
 * dot is encoded too, so `.` and `..` cannot occur and no output looks like a hidden
 * staging folder (which readers skip).
 */
export function pathSegment(id: string): string {
  const encoded = encodeURIComponent(id);
  return encoded.startsWith('.') ? `%2E${encoded.slice(1)}` : encoded;
}

/** `<out>/<model>/<corpus>`: the reference layout's root for one model and corpus. */
export function corpusFolder(outputDir: string, model: string, corpus: string): string {
  return join(outputDir, pathSegment(model), pathSegment(corpus));
}

/** `<corpus folder>/<user_id>/<session_id>`. */
export function sessionFolder(corpusRoot: string, userId: string, sessionId: string): string {
  return join(corpusRoot, pathSegment(userId), pathSegment(sessionId));
}

/** A session folder is finished once it holds `session.json`: folders are put in place whole. */
export function isFinished(folder: string): boolean {
  return existsSync(join(folder, 'session.json'));
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

/**
 * The session id behind an entry of a user's folder or journal folder: a session folder, a
 * staging folder of one, or a journal. Undefined for a name tp2dg did not make.
 */
export function sessionIdOfEntry(name: string): string | undefined {
  let segment = name.endsWith(JOURNAL_EXTENSION) ? name.slice(0, -JOURNAL_EXTENSION.length) : name;
  const staging = segment.lastIndexOf(STAGING_MARK);
  if (segment.startsWith('.') && staging > 0) segment = segment.slice(1, staging);
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
