import { z } from 'zod';

const tokens = z.number().int().min(0);

/**
 * Token usage by modality. `*_input` counts the tokens billed at the full input price and
 * `cached_*` those served from cache at the cached price: the two never overlap, so a
 * request's prompt is the sum of both. A call that made an explicit context cache also counts
 * what the cache cost apart from the request: its creation (`cache_creation_*`, the cache's
 * tokens once at the standard input price) and the storage asked for. Neither is a part of the
 * prompt, nor billed at the call's service tier.
 */
export const TokenUsageSchema = z.object({
  text_input: tokens,
  image_input: tokens,
  audio_input: tokens,
  cached_text_input: tokens,
  cached_image_input: tokens,
  cached_audio_input: tokens,
  output: tokens,
  thinking: tokens,
  /** Tokens of an explicit cache this call made, by modality. 0 in files of earlier versions. */
  cache_creation_text_input: tokens.default(0),
  cache_creation_image_input: tokens.default(0),
  cache_creation_audio_input: tokens.default(0),
  /**
   * Explicit context cache storage this call asked for: the cache's tokens times the seconds of
   * life it was given (at creation) or added (an extension), billed per 1M tokens per hour.
   * An upper bound: a cache deleted early bills less. 0 in files of earlier versions.
   */
  cache_storage_token_seconds: tokens.default(0),
});
export type TokenUsage = z.infer<typeof TokenUsageSchema>;

export const ZERO_USAGE: TokenUsage = Object.freeze({
  text_input: 0,
  image_input: 0,
  audio_input: 0,
  cached_text_input: 0,
  cached_image_input: 0,
  cached_audio_input: 0,
  output: 0,
  thinking: 0,
  cache_creation_text_input: 0,
  cache_creation_image_input: 0,
  cache_creation_audio_input: 0,
  cache_storage_token_seconds: 0,
});

export function addUsage(left: TokenUsage, right: TokenUsage): TokenUsage {
  const sum = { ...left };
  for (const key of Object.keys(sum) as (keyof TokenUsage)[]) sum[key] += right[key];
  return sum;
}

export function sumUsage(usages: Iterable<TokenUsage>): TokenUsage {
  let sum = ZERO_USAGE;
  for (const usage of usages) sum = addUsage(sum, usage);
  return sum;
}

/**
 * The same usage if no cache served anything: every cached token counted at the full input
 * price, and no cache made nor stored.
 */
export function uncachedUsage(usage: TokenUsage): TokenUsage {
  return {
    ...usage,
    cache_creation_text_input: 0,
    cache_creation_image_input: 0,
    cache_creation_audio_input: 0,
    cache_storage_token_seconds: 0,
    text_input: usage.text_input + usage.cached_text_input,
    image_input: usage.image_input + usage.cached_image_input,
    audio_input: usage.audio_input + usage.cached_audio_input,
    cached_text_input: 0,
    cached_image_input: 0,
    cached_audio_input: 0,
  };
}
