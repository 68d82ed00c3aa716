import { describe, expect, it } from 'vitest';
import { addUsage, TokenUsageSchema, uncachedUsage, ZERO_USAGE } from './usage.js';

describe('TokenUsage', () => {
  it('should read a usage written before cache storage was counted as storing nothing', () => {
    const { cache_storage_token_seconds: _, ...earlier } = { ...ZERO_USAGE, text_input: 12 };
    expect(TokenUsageSchema.parse(earlier)).toEqual({ ...ZERO_USAGE, text_input: 12 });
  });

  it('should add cache storage like any other count', () => {
    const stored = { ...ZERO_USAGE, cache_storage_token_seconds: 4_200_000 };
    expect(addUsage(stored, stored).cache_storage_token_seconds).toBe(8_400_000);
  });

  it('should count no storage and every cached token at the input price when nothing is cached', () => {
    const usage = {
      ...ZERO_USAGE,
      text_input: 100,
      cached_text_input: 4_000,
      cached_audio_input: 96,
      cache_storage_token_seconds: 4_096 * 420,
    };
    expect(uncachedUsage(usage)).toEqual({ ...ZERO_USAGE, text_input: 4_100, audio_input: 96 });
  });
});
