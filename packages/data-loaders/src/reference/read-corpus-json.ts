import { readFile } from 'node:fs/promises';
import { Tp2dgError } from '@tp2dg/entities';
import { conciseJsonReason } from './concise-json-reason.js';
import { lineAndColumn, locateJsonSyntaxError } from './locate-json-syntax-error.js';

/** A corpus file that cannot be read: missing, or the file system's reason. */
export function unreadableCorpusFile(filePath: string, error: unknown): Tp2dgError {
  const reason = (error as { code?: string }).code === 'ENOENT' ? 'file not found' : String(error);
  return new Tp2dgError(
    'INVALID_INPUT',
    `${filePath}: ${reason}. The reference format needs users.json, tracks.json and playlists.json in the data directory.`,
    { cause: error },
  );
}

/** A corpus file that is not valid JSON, at a 1-based line and column. */
export function invalidCorpusJson(
  filePath: string,
  position: { line: number; column: number },
  reason: string,
  cause?: unknown,
): Tp2dgError {
  return new Tp2dgError(
    'INVALID_INPUT',
    `${filePath}: invalid JSON at line ${position.line}, column ${position.column} (${reason}). Fix the syntax and run again.`,
    { cause },
  );
}

/**
 * Reads and parses one whole JSON file of the corpus: right for users.json and tracks.json,
 * which the loader keeps whole anyway to look up the sessions' users and tracks.
 */
export async function readCorpusJson(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw unreadableCorpusFile(filePath, error);
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    const offset = locateJsonSyntaxError(json) ?? positionFromMessage(error) ?? json.length;
    throw invalidCorpusJson(filePath, lineAndColumn(json, offset), conciseJsonReason(error), error);
  }
}

function positionFromMessage(error: unknown): number | undefined {
  const match = /at position (\d+)/.exec(String((error as Error).message));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
