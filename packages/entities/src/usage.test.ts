import { describe, expect, it } from 'vitest';
import { addUsage, TokenUsageSchema, uncachedUsage, ZERO_USAGE } from './usage.js';

describe('TokenUsage', () => {
  it('should read a usage written before explicit caches were counted as making and storing none', () => {
    const earlier = {
      text_input: 12,
      image_input: 0,
      audio_input: 0,
      cached_text_input: 0,
      cached_image_input: 0,
      cached_audio_input: 0,
      output: 3,
      thinking: 0,
    };
    expect(TokenUsageSchema.parse(earlier)).toEqual({ ...ZERO_USAGE, text_input: 12, output: 3 });
  });

  it('should add cache storage like any other count', () => {
    const stored = { ...ZERO_USAGE, cache_storage_token_seconds: 4_200_000 };
    expect(addUsage(stored, stored).cache_storage_token_seconds).toBe(8_400_000);
  });

  it('should count every cached token at the input price, and no cache made or stored, when nothing is cached', () => {
    const usage = {
      ...ZERO_USAGE,
      text_input: 100,
      cached_text_input: 4_000,
      cached_audio_input: 96,
      cache_creation_text_input: 4_000,
      cache_creation_audio_input: 96,
      cache_storage_token_seconds: 4_096 * 420,
    };
    expect(uncachedUsage(usage)).toEqual({ ...ZERO_USAGE, text_input: 4_100, audio_input: 96 });
  });
});
