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

/** A corpus file that is valid JSON but not `{ "<key>": [ ... ] }`. */
export function corpusLayoutError(filePath: string, key: string): Tp2dgError {
  return new Tp2dgError(
    'INVALID_INPUT',
    `${filePath}: expected an object with a "${key}" array, like { "${key}": [ ... ] }. Fix the file.`,
  );
}

/**
 * Validates the records of one corpus file one at a time, remembering the first bad one and
 * counting the problems of all, so one run shows what to fix first and how much is left.
 */
export class RecordChecks<Schema extends z.ZodType> {
  private firstProblem: string | undefined;
  private issueCount = 0;

  constructor(
    private readonly filePath: string,
    private readonly spec: CorpusFileSpec<Schema>,
  ) {}

  /** The record as the schema outputs it, or undefined when it has problems (counted). */
  check(index: number, record: unknown): z.output<Schema> | undefined {
    const result = this.spec.schema.safeParse(record);
    if (result.success) return result.data;
    this.issueCount += result.error.issues.length;
    const [issue] = result.error.issues;
    if (this.firstProblem === undefined && issue !== undefined) {
      const where = describeRecord(this.spec.key, index, this.spec.idField, record);
      this.firstProblem = `${where}: ${describeSchemaIssue(issue, record)}`;
    }
    return undefined;
  }

  /** The error for the problems seen so far; undefined while every record was valid. */
  error(): Tp2dgError | undefined {
    if (this.firstProblem === undefined) return undefined;
    const others = this.issueCount - 1;
    const more = others > 0 ? ` (${others} more ${others === 1 ? 'problem' : 'problems'} in this file)` : '';
    return new Tp2dgError('INVALID_INPUT', `${this.filePath}: ${this.firstProblem}${more}. Fix the record.`);
  }
}

/** Validates every record of one parsed corpus file and fails on the first bad one, counting the others. */
export function parseCorpusRecords<Schema extends z.ZodType>(
  filePath: string,
  content: unknown,
  spec: CorpusFileSpec<Schema>,
): Array<z.output<Schema>> {
  const records = (content as Record<string, unknown> | null)?.[spec.key];
  if (typeof content !== 'object' || content === null || !Array.isArray(records)) {
    throw corpusLayoutError(filePath, spec.key);
  }
  const checks = new RecordChecks(filePath, spec);
  const parsed: Array<z.output<Schema>> = [];
  records.forEach((record, index) => {
    const data = checks.check(index, record);
    if (data !== undefined) parsed.push(data);
  });
  const error = checks.error();
  if (error !== undefined) throw error;
  return parsed;
}

/** Two records with one id: later lookups would be ambiguous. */
export function duplicateIdError(
  filePath: string,
  spec: { key: string; idField: string },
  positions: [first: number, second: number],
  id: string,
): Tp2dgError {
  const [first, second] = positions;
  return new Tp2dgError(
    'INVALID_INPUT',
    `${filePath}: ${spec.key}[${first}] and ${spec.key}[${second}] both have ${spec.idField} ${JSON.stringify(id)}. Give each record its own ${spec.idField}.`,
  );
}
