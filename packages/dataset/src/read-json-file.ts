import { readFile } from 'node:fs/promises';
import { Tp2dgError, tryParseJson } from '@tp2dg/entities';
import type { z } from 'zod';

/** A file of the input that is not what tp2dg wrote: one line naming the file and the record. */
export function badInput(file: string, record: string, problem: string): Tp2dgError {
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
export async function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  record: string,
): Promise<{ parsed: z.infer<S>; raw: Record<string, unknown> }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw badInput(
      file,
      record,
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const raw = tryParseJson(text);
  if (raw === undefined) throw badInput(file, record, 'not valid JSON');
  const result = schema.safeParse(raw);
  if (!result.success) {
    const [issue] = result.error.issues;
    const at = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
    throw badInput(file, record, `not a file tp2dg can read${at} (${issue?.message ?? 'invalid'})`);
  }
  return { parsed: result.data, raw: raw as Record<string, unknown> };
}
