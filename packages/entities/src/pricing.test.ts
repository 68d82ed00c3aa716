import { describe, expect, it } from 'vitest';
import { costOfUsage, PRICED_MODELS, priceOf } from './pricing.js';
import { ZERO_USAGE } from './usage.js';

// Every input modality, cached parts and thinking, so each rate is exercised.
// Input counts exclude the cached ones, as the Gemini adapter records them.
const mixedUsage = {
  text_input: 10_000,
  image_input: 258,
  audio_input: 1_000,
  cached_text_input: 2_000,
  cached_image_input: 0,
  cached_audio_input: 500,
  output: 1_000,
  thinking: 500,
};

describe('priceOf', () => {
  it('should know the three gemini-2.5 models', () => {
    expect(PRICED_MODELS).toEqual(['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro']);
    expect(priceOf('gemini-2.5-flash')?.input).toBe(0.3);
    expect(priceOf('gemini-2.5-pro')?.output).toBe(10);
  });

  it('should accept resource names and stable versions', () => {
    expect(priceOf('models/gemini-2.5-flash')).toEqual(priceOf('gemini-2.5-flash'));
    expect(priceOf('gemini-2.5-flash-001')).toEqual(priceOf('gemini-2.5-flash'));
    expect(priceOf(' Gemini-2.5-Flash-Lite-latest ')).toEqual(priceOf('gemini-2.5-flash-lite'));
  });

  it('should never price flash-lite as flash', () => {
    expect(priceOf('gemini-2.5-flash-lite')?.input).toBe(0.1);
    expect(priceOf('models/gemini-2.5-flash-lite-001')?.output).toBe(0.4);
  });

  it('should leave other products and unknown models unpriced', () => {
    expect(priceOf('gemini-2.5-flash-preview-05-20')).toBeUndefined();
    expect(priceOf('gemini-2.5-flash-image')).toBeUndefined();
    expect(priceOf('simulated')).toBeUndefined();
    expect(priceOf('constructor')).toBeUndefined();
  });
});

describe('costOfUsage', () => {
  it('should bill gemini-2.5-flash by modality with cached parts at the cached rate', () => {
    const prices = priceOf('gemini-2.5-flash');
    if (prices === undefined) throw new Error('flash must be priced');
    // 10,258 x 0.30 + 1,000 x 1.00 + 2,000 x 0.03 + 500 x 0.10 + 1,500 x 2.50 = 7,937.4 per 1M
    expect(costOfUsage(mixedUsage, prices)).toBeCloseTo(0.0079374, 10);
  });

  it('should bill gemini-2.5-pro cached audio at its cached rate', () => {
    const prices = priceOf('gemini-2.5-pro');
    if (prices === undefined) throw new Error('pro must be priced');
    // 10,258 x 1.25 + 1,000 x 1.25 + 2,000 x 0.125 + 500 x 0.125 + 1,500 x 10 = 29,385 per 1M
    expect(costOfUsage(mixedUsage, prices)).toBeCloseTo(0.029385, 10);
  });

  it('should bill thinking as output and one million input tokens at the input price', () => {
    const prices = priceOf('gemini-2.5-flash-lite');
    if (prices === undefined) throw new Error('flash-lite must be priced');
    expect(costOfUsage({ ...ZERO_USAGE, text_input: 1_000_000 }, prices)).toBeCloseTo(0.1, 10);
    expect(costOfUsage({ ...ZERO_USAGE, thinking: 1_000_000 }, prices)).toBeCloseTo(0.4, 10);
    expect(costOfUsage(ZERO_USAGE, prices)).toBe(0);
  });
});
