import type { TokenUsage } from '@tp2dg/entities';

/** What a cache has cost that no answered call has counted yet. */
export interface CacheCharge {
  /** The cache was made: its tokens are billed once at the input price. */
  creation: boolean;
  /** Storage asked for, at creation and by extensions: tokens x seconds. */
  storageTokenSeconds: number;
}

export const NO_CHARGE: CacheCharge = Object.freeze({ creation: false, storageTokenSeconds: 0 });

/**
 * The usage of a call that used an explicit cache, with what the cache cost apart from that use:
 * its creation (the cache's tokens, by the modalities the answer reports for them, all of
 * `cacheTokens` as text when it reports none) and the storage asked for.
 */
export function withCacheCharge(usage: TokenUsage, charge: CacheCharge, cacheTokens: number): TokenUsage {
  if (!charge.creation && charge.storageTokenSeconds === 0) return usage;
  const cached = usage.cached_text_input + usage.cached_image_input + usage.cached_audio_input;
  const created = !charge.creation
    ? { text: 0, image: 0, audio: 0 }
    : cached === 0
      ? { text: cacheTokens, image: 0, audio: 0 }
      : { text: usage.cached_text_input, image: usage.cached_image_input, audio: usage.cached_audio_input };
  return {
    ...usage,
    cache_creation_text_input: usage.cache_creation_text_input + created.text,
    cache_creation_image_input: usage.cache_creation_image_input + created.image,
    cache_creation_audio_input: usage.cache_creation_audio_input + created.audio,
    cache_storage_token_seconds: usage.cache_storage_token_seconds + charge.storageTokenSeconds,
  };
}
