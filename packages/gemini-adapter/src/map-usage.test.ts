import { MediaModality } from '@google/genai';
import { costOfCall, priceOf } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { mapUsage } from './map-usage.js';
import { GEMINI_PRICE_TABLE } from './prices/gemini-prices.js';
import { startTestRig, textRequest } from './test-helpers.js';

describe('usage mapping', () => {
  it('should split prompt tokens by modality and move cached tokens out of the uncached figures', async () => {
    const usageMetadata = {
      promptTokenCount: 454,
      candidatesTokenCount: 20,
      thoughtsTokenCount: 7,
      cachedContentTokenCount: 72,
      totalTokenCount: 481,
      promptTokensDetails: [
        { modality: 'TEXT', tokenCount: 100 },
        { modality: 'IMAGE', tokenCount: 258 },
        { modality: 'AUDIO', tokenCount: 96 },
      ],
      cacheTokensDetails: [
        { modality: 'TEXT', tokenCount: 40 },
        { modality: 'AUDIO', tokenCount: 32 },
      ],
    };
    const { model } = await startTestRig({ respond: () => ({ text: 'ok', usageMetadata }) });
    const { usage } = await model.generate(textRequest('hi'));
    expect(usage).toEqual({
      text_input: 60,
      image_input: 258,
      audio_input: 64,
      cached_text_input: 40,
      cached_image_input: 0,
      cached_audio_input: 32,
      output: 20,
      thinking: 7,
      cache_creation_text_input: 0,
      cache_creation_image_input: 0,
      cache_creation_audio_input: 0,
      cache_storage_token_seconds: 0,
    });
  });

  it('should count the whole prompt as text when there are no details', () => {
    expect(mapUsage({ promptTokenCount: 30, candidatesTokenCount: 5 })).toMatchObject({
      text_input: 30,
      image_input: 0,
      audio_input: 0,
      output: 5,
      thinking: 0,
    });
  });

  it('should count cached tokens without details as cached text', () => {
    expect(mapUsage({ promptTokenCount: 2000, cachedContentTokenCount: 1500 })).toMatchObject({
      text_input: 500,
      cached_text_input: 1500,
    });
  });

  it('should count other modalities such as VIDEO as text input', () => {
    const usage = mapUsage({
      promptTokenCount: 10,
      promptTokensDetails: [
        { modality: 'VIDEO' as never, tokenCount: 6 },
        { modality: 'TEXT' as never, tokenCount: 4 },
      ],
    });
    expect(usage.text_input).toBe(10);
  });

  it('should report zero usage when the response has none', () => {
    expect(Object.values(mapUsage(undefined)).every((count) => count === 0)).toBe(true);
  });

  it('should bill a cached prompt once: uncached part at the input rate, cached part at the cached rate', () => {
    const usage = mapUsage({
      promptTokenCount: 10_000,
      cachedContentTokenCount: 8_000,
      candidatesTokenCount: 0,
      promptTokensDetails: [{ modality: MediaModality.TEXT, tokenCount: 10_000 }],
      cacheTokensDetails: [{ modality: MediaModality.TEXT, tokenCount: 8_000 }],
    });
    const prices = priceOf('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE);
    if (prices === undefined) throw new Error('flash-lite must be priced');
    // 2,000 x $0.30 + 8,000 x $0.03 per 1M tokens.
    expect(costOfCall(usage, prices)).toBeCloseTo((2_000 * 0.3 + 8_000 * 0.03) / 1_000_000, 12);
  });
});
