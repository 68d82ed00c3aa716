import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { Tp2dgError } from './errors.js';
import { tryParseJson } from './json-files.js';

/**
 * A file of a run that is not what tp2dg wrote, met by a command reading the run (`tp2dg-export`,
 * `tp2dg-eval`): one line naming the file and the record.
 */
export function savedFileError(file: string, record: string, problem: string): Tp2dgError {
  return new Tp2dgError(
    'INVALID_INPUT',
    `${file}: ${record}: ${problem}. Regenerate that session (delete its folder and resume the run) or move it out of --input.`,
  );
}

/**
 * A JSON file of a session folder, checked against its schema, and its raw object: the raw
 * one keeps the fields a later tp2dg adds (`session_date`, a user's `age`), which the schema
 * of this version would strip.
 */
export async function readSavedJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  record: string,
): Promise<{ parsed: z.infer<S>; raw: Record<string, unknown> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw savedFileError(
      file,
      record,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const raw = tryParseJson(text);
  if (raw === undefined) throw savedFileError(file, record, 'not valid JSON');
  const result = schema.safeParse(raw);
  if (!result.success) {
    const [issue] = result.error.issues;
    const at = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw savedFileError(file, record, `not a file tp2dg can read${at} (${issue?.message ?? 'invalid'})`);
  }
  return { parsed: result.data, raw: raw as Record<string, unknown> };
}
