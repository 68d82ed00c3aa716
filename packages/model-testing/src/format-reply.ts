import type { ReplyFormat } from './prompt-text.js';

/** A reply as a model is asked to write it: scalars, and lists of strings. */
export type ReplyFields = Record<string, string | number | readonly string[] | undefined>;

/**
 * Writes reply fields in the requested format. YAML strings are JSON-quoted: a JSON string
 * is a valid YAML double-quoted scalar, so `: ` or a leading `-` in a message stays text.
 */
export function formatReply(fields: ReplyFields, format: ReplyFormat): string {
  if (format === 'json') return JSON.stringify(fields);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'number') lines.push(`${key}: ${value}`);
    else if (typeof value === 'string') lines.push(`${key}: ${JSON.stringify(value)}`);
    else lines.push(`${key}:`, ...value.map((item) => `  - ${JSON.stringify(item)}`));
  }
  return lines.join('\n');
}
