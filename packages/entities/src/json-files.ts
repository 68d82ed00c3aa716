import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { outputWriteError } from './output-error.js';

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
 * or a kill mid-write leaves the old file, never half of the new one. A failure is an
 * OUTPUT_WRITE error naming the file.
 */
export async function replaceFile(file: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    // A full disk leaves part of the temporary file: it must not stay beside the real one.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw outputWriteError(file, error);
  }
}
