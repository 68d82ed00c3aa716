import { Tp2dgError } from '@tp2dg/entities';
import type { z } from 'zod';
import { describeSchemaIssue } from './describe-schema-issue.js';

export interface CorpusFileSpec<Schema extends z.ZodType> {
  fileName: string;
  /** The top-level key holding the records, e.g. `tracks`. */
  key: string;
  /** The field that names a record in messages, e.g. `track_id`. */
  idField: string;
  schema: Schema;
}

/** `tracks[3] (track_id "t04")`: where a record sits and what it calls itself. */
export function describeRecord(key: string, index: number, idField: string, record: unknown): string {
  const id =
    typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[idField] : undefined;
  const named =
    typeof id === 'string' || typeof id === 'number' ? ` (${idField} ${JSON.stringify(String(id))})` : '';
  return `${key}[${index}]${named}`;
}

/**
 * Validates every record of one corpus file and fails on the first bad one, counting the
 * others, so one run shows what to fix first and how much is left.
 */
export function parseCorpusRecords<Schema extends z.ZodType>(
  filePath: string,
  content: unknown,
  spec: CorpusFileSpec<Schema>,
): Array<z.output<Schema>> {
  const records = (content as Record<string, unknown> | null)?.[spec.key];
  if (typeof content !== 'object' || content === null || !Array.isArray(records)) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${filePath}: expected an object with a "${spec.key}" array, like { "${spec.key}": [ ... ] }. Fix the file.`,
    );
  }
  const parsed: Array<z.output<Schema>> = [];
  let firstProblem: string | undefined;
  let issueCount = 0;
  records.forEach((record, index) => {
    const result = spec.schema.safeParse(record);
    if (result.success) {
      parsed.push(result.data);
      return;
    }
    issueCount += result.error.issues.length;
    const [issue] = result.error.issues;
    if (firstProblem === undefined && issue !== undefined) {
      firstProblem = `${describeRecord(spec.key, index, spec.idField, record)}: ${describeSchemaIssue(issue, record)}`;
    }
  });
  if (firstProblem !== undefined) {
    const others = issueCount - 1;
    const more = others > 0 ? ` (${others} more ${others === 1 ? 'problem' : 'problems'} in this file)` : '';
    throw new Tp2dgError('INVALID_INPUT', `${filePath}: ${firstProblem}${more}. Fix the record.`);
  }
  return parsed;
}
