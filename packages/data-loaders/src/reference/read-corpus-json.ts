import { readFile } from 'node:fs/promises';
import { Tp2dgError } from '@tp2dg/entities';
import { lineAndColumn, locateJsonSyntaxError } from './locate-json-syntax-error.js';

/**
 * Reads and parses one whole JSON file of the corpus. Whole-file JSON.parse is right for
 * the reference format: its files are small, and a real corpus is normalised by a plugin.
 */
export async function readCorpusJson(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ENOENT' ? 'file not found' : String(error);
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${filePath}: ${reason}. The reference format needs users.json, tracks.json and playlists.json in the data directory.`,
      { cause: error },
    );
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch (error) {
    const offset = locateJsonSyntaxError(json) ?? positionFromMessage(error) ?? json.length;
    const { line, column } = lineAndColumn(json, offset);
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${filePath}: invalid JSON at line ${line}, column ${column} (${conciseReason(error)}). Fix the syntax and run again.`,
      { cause: error },
    );
  }
}

function positionFromMessage(error: unknown): number | undefined {
  const match = /at position (\d+)/.exec(String((error as Error).message));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** V8's reason without the position and the quoted source it appends. */
function conciseReason(error: unknown): string {
  return String((error as Error).message)
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '')
    .split('\n')[0] as string;
}
