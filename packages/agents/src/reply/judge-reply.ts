import type { ModelResult } from '@tp2dg/entities';
import type { z } from 'zod';
import { type ParsedReply, parseReply, type ResponseFormat } from './parse-reply.js';
import type { ReplyRejection, ReplySpec } from './reply-spec.js';

export type JudgedReply<T> = { ok: true; value: T } | { ok: false; rejection: ReplyRejection };

/**
 * Decides whether a model result is usable: not blocked, not empty, parsed into the
 * expected fields (`keys`; none for a priming acknowledgement), and within the caller's rules.
 */
export function judgeReply<T>(
  result: ModelResult,
  reply: ReplySpec<T>,
  keys: readonly string[],
  format: ResponseFormat,
): JudgedReply<T> {
  if (result.finishReason === 'content-filter') {
    return {
      ok: false,
      rejection: { code: 'BLOCKED', problem: `the reply was blocked (${blockDetail(result)})` },
    };
  }
  if (result.text.trim() === '') {
    return { ok: false, rejection: { code: 'EMPTY_RESPONSE', problem: 'the reply was empty' } };
  }
  const parsed =
    keys.length === 0
      ? parseText(result.text, reply.schema)
      : parseReply(result.text, format, reply.schema, keys);
  if (!parsed.ok) {
    // A reply cut off by the output limit is not the model's format mistake: say which it was.
    const code = result.finishReason === 'length' ? 'MAX_TOKENS' : 'PARSE_ERROR';
    return { ok: false, rejection: { code, problem: parsed.problem } };
  }
  const rejection = reply.check?.(parsed.value);
  return rejection ? { ok: false, rejection } : { ok: true, value: parsed.value };
}

/** The provider's own words for a block when it gave them (`SAFETY`, `blockReason PROHIBITED_CONTENT`), else the neutral reason. */
function blockDetail(result: ModelResult): string {
  const details = Object.entries(result.providerMetadata ?? {}).map(([key, value]) => `${key} ${value}`);
  return details.length === 0 ? result.finishReason : details.join(', ');
}

function parseText<T>(text: string, schema: z.ZodType<T>): ParsedReply<T> {
  const result = schema.safeParse(text);
  return result.success ? { ok: true, value: result.data } : { ok: false, problem: result.error.message };
}
