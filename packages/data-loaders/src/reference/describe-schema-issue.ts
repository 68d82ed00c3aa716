import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

/** `tags[1]` style, as a person would write the field in the file. */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((segment, position) =>
      typeof segment === 'number' ? `[${segment}]` : `${position === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

function valueAt(record: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = record;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

function expectedTypes(issue: Issue): string | undefined {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_union') {
    const alternatives = issue.errors.flat().map(expectedTypes);
    if (alternatives.every((alternative) => alternative !== undefined)) return alternatives.join(' or ');
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : typeof value;
}

/**
 * One short sentence for a zod issue on a record, read against the raw record so a missing
 * field says "is required" rather than zod's "received undefined".
 */
export function describeSchemaIssue(issue: Issue, record: unknown): string {
  const field = issue.path.length > 0 ? `"${formatFieldPath(issue.path)}"` : 'the record';
  const expected = expectedTypes(issue);
  const value = valueAt(record, issue.path);
  if (expected !== undefined) {
    if (value === undefined) return `${field} is required (expected ${expected})`;
    return `${field} must be ${expected}, not ${describeValue(value)}`;
  }
  return `${field}: ${issue.message.split('\n')[0]}`;
}
