import { existsSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * `<corpus folder>/.journal/<user_id>/<session_id>.jsonl`: the answered calls of a conversation
 * not yet written. A dot-folder, so readers of the results never take it for one.
 */
export function journalFile(corpusRoot: string, userId: string, sessionId: string): string {
  return join(corpusRoot, '.journal', pathSegment(userId), `${pathSegment(sessionId)}.jsonl`);
}
