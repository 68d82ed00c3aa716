import { describeSchemaIssue } from '@tp2dg/data-loaders';
import type { z } from 'zod';
import { jsonProblem } from './bad-line.js';

export type ParsedLine<Value> = { value: Value } | { problem: string };

/** One JSON line checked against `schema`; a problem is one phrase naming the field. */
export function parseLine<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
): ParsedLine<z.output<Schema>> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { problem: jsonProblem(error) };
  }
  const result = schema.safeParse(json);
  if (result.success) return { value: result.data };
  const [issue] = result.error.issues;
  const more = result.error.issues.length > 1 ? ` (${result.error.issues.length - 1} more problem(s))` : '';
  return { problem: `${issue === undefined ? 'invalid record' : describeSchemaIssue(issue, json)}${more}` };
}
