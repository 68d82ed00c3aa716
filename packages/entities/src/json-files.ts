import { randomBytes } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';

/** JSON text parsed, or undefined when it is not JSON: for callers that report the problem themselves. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Replaces a file's content as a whole: written beside it, then renamed over it, so a crash
 * or a kill mid-write leaves the old file, never half of the new one.
 */
export async function replaceFile(file: string, content: string): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
