import { tryParseJson } from '@tp2dg/entities';
import { FAILSAFE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { z } from 'zod';
import { parseLooseKeyValues } from './loose-key-values.js';
import { stripCodeFences } from './strip-code-fences.js';

export type ResponseFormat = 'yaml' | 'json';

export type ParsedReply<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Turns a model's reply into a validated object. YAML goes through a real YAML parser
 * first; when that fails or yields no mapping, loose `key: value` lines are tried, since
 * models often emit text that looks like YAML but is not (an unquoted `: ` in a message).
 * The problem string is written to be sent back to the model in a re-ask.
 */
export function parseReply<T>(
  text: string,
  format: ResponseFormat,
  schema: z.ZodType<T>,
  keys: readonly string[],
): ParsedReply<T> {
  const body = stripCodeFences(text);
  if (body === '') return { ok: false, problem: 'the reply was empty' };
  // Readers in order of trust; a later one runs only when the earlier ones gave nothing usable.
  const readers: (() => unknown)[] =
    format === 'json'
      ? [() => tryParseJson(body)]
      : [() => parseYamlMapping(body), () => looseMapping(body, keys)];
  let problem = 'the reply is not a mapping with the expected keys';
  for (const read of readers) {
    const candidate = read();
    if (candidate === undefined) continue;
    const result = schema.safeParse(candidate);
    if (result.success) return { ok: true, value: result.data };
    problem = describeIssues(result.error);
  }
  return { ok: false, problem };
}

function parseYamlMapping(body: string): unknown {
  try {
    // Every scalar stays a string: a track id such as 007 or 1e3 must not turn into a number.
    const value = loadYaml(body, { schema: FAILSAFE_SCHEMA });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function looseMapping(body: string, keys: readonly string[]): Record<string, string> | undefined {
  const fields = parseLooseKeyValues(body, keys);
  return Object.keys(fields).length > 0 ? fields : undefined;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'reply'}: ${issue.message}`)
    .join('; ');
}
