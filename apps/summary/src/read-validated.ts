import { readFile } from 'node:fs/promises';
import type { InvalidFile } from './summary-types.js';

interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The part of a zod schema used here. Structural so this app does not need its own
 * zod dependency: the schemas come from @tp2dg/entities.
 */
export interface Validator<T> {
  safeParse(
    data: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly ValidationIssue[] } };
}

export type ReadResult<T> = { ok: true; value: T } | { ok: false; invalid: InvalidFile };

/** One line per file: the first issue says where to look, the count says how much is wrong. */
function describeIssues(issues: readonly ValidationIssue[]): string {
  const [first] = issues;
  if (first === undefined) return 'does not match its schema';
  const where = first.path.length === 0 ? '(root)' : first.path.map(String).join('.');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
  return `${where}: ${first.message}${more}`;
}

function parseAndValidate<T>(text: string, file: string, validator: Validator<T>): ReadResult<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, invalid: { file, problem: `not valid JSON: ${(error as Error).message}` } };
  }
  const result = validator.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, invalid: { file, problem: describeIssues(result.error.issues) } };
}

async function readText(path: string, file: string): Promise<ReadResult<string>> {
  try {
    return { ok: true, value: await readFile(path, 'utf8') };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, invalid: { file, problem: missing ? 'file is missing' : (error as Error).message } };
  }
}

/** Reads one JSON file; `file` is the path shown in reports. */
export async function readJsonFile<T>(
  path: string,
  file: string,
  validator: Validator<T>,
): Promise<ReadResult<T>> {
  const text = await readText(path, file);
  return text.ok ? parseAndValidate(text.value, file, validator) : text;
}

/** Reads a JSON-lines file; each bad line is reported as `file:line`, blank lines are ignored. */
export async function readJsonLinesFile<T>(
  path: string,
  file: string,
  validator: Validator<T>,
): Promise<{ values: T[]; invalid: InvalidFile[] }> {
  const text = await readText(path, file);
  if (!text.ok) return { values: [], invalid: [text.invalid] };
  const values: T[] = [];
  const invalid: InvalidFile[] = [];
  text.value.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const result = parseAndValidate(line, `${file}:${index + 1}`, validator);
    if (result.ok) values.push(result.value);
    else invalid.push(result.invalid);
  });
  return { values, invalid };
}
