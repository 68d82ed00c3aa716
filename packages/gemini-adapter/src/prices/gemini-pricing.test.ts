import {
  cachedInputCost,
  costAtTier,
  costOfCall,
  type ModelRates,
  type PricedModel,
  pricedModel,
  priceOf,
  unpricedModelError,
  ZERO_USAGE,
} from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { GEMINI_PRICE_TABLE } from './gemini-prices.js';

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
  cache_creation_text_input: 0,
  cache_creation_image_input: 0,
  cache_creation_audio_input: 0,
  cache_storage_token_seconds: 0,
};

const DECEMBER = new Date('2026-12-15T12:00:00Z');

function pricesOn(model: string, date = DECEMBER): ModelRates {
  const rates = priceOf(model, GEMINI_PRICE_TABLE, date);
  if (rates === undefined) throw new Error(`${model} must be priced`);
  return rates;
}

describe('priceOf', () => {
  it('should price the current lineup and keep the retired 2.5 models for old runs', () => {
    expect(Object.keys(GEMINI_PRICE_TABLE.models).sort()).toEqual([
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'gemini-2.5-pro',
      'gemini-3.1-pro-preview',
      'gemini-3.5-flash',
      'gemini-3.5-flash-lite',
      'gemini-3.8-flash',
    ]);
    expect(pricesOn('gemini-3.5-flash-lite').input).toEqual({ text: 0.3, image: 0.3, audio: 0.3 });
    expect(pricesOn('gemini-2.5-flash').input.audio).toBe(1);
    expect(pricedModel('gemini-2.5-flash', GEMINI_PRICE_TABLE)).toMatchObject({
      status: 'retired',
      retired_on: '2026-12-01',
      replaced_by: 'gemini-3.5-flash-lite',
    });
  });

  it('should double gemini-3.8-flash from 2027-01-01, by the day of the call in UTC', () => {
    const lastIntroductoryDay = pricesOn('gemini-3.8-flash', new Date('2026-12-31T23:59:59Z'));
    const firstDoubledDay = pricesOn('gemini-3.8-flash', new Date('2027-01-01T00:00:00Z'));
    expect(lastIntroductoryDay).toMatchObject({ output: 3.75, input: { text: 0.75 } });
    expect(firstDoubledDay).toMatchObject({
      output: 7.5,
      input: { text: 1.5 },
      cached_input: { text: 0.15 },
    });
    expect(pricesOn('gemini-3.8-flash', new Date('2031-06-01T00:00:00Z')).output).toBe(7.5);
  });

  it('should accept resource names and stable versions', () => {
    expect(priceOf('models/gemini-3.5-flash', GEMINI_PRICE_TABLE, DECEMBER)).toEqual(
      pricesOn('gemini-3.5-flash'),
    );
    expect(priceOf('gemini-3.5-flash-001', GEMINI_PRICE_TABLE, DECEMBER)).toEqual(
      pricesOn('gemini-3.5-flash'),
    );
    expect(priceOf(' Gemini-2.5-Flash-Lite-latest ', GEMINI_PRICE_TABLE, DECEMBER)).toEqual(
      pricesOn('gemini-2.5-flash-lite'),
    );
  });

  it('should never price a flash-lite as its flash', () => {
    expect(pricesOn('gemini-3.5-flash-lite').output).toBe(2.5);
    expect(pricesOn('gemini-3.5-flash').output).toBe(9);
  });

  it('should leave other products and unknown models unpriced', () => {
    expect(priceOf('gemini-3.5-flash-preview-05-20', GEMINI_PRICE_TABLE)).toBeUndefined();
    expect(priceOf('gemini-2.5-flash-image', GEMINI_PRICE_TABLE)).toBeUndefined();
    expect(priceOf('simulated', GEMINI_PRICE_TABLE)).toBeUndefined();
    expect(priceOf('constructor', GEMINI_PRICE_TABLE)).toBeUndefined();
  });

  it('should say which option needs a price and how to give one', () => {
    const error = unpricedModelError('gemini-9-ultra', '--max-cost');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(/^--max-cost needs the list prices of gemini-9-ultra.*pass --prices FILE/);
  });
});

describe('costOfCall', () => {
  it('should bill gemini-2.5-flash by modality with cached parts at the cached rate', () => {
    // 10,258 x 0.30 + 1,000 x 1.00 + 2,000 x 0.03 + 500 x 0.10 + 1,500 x 2.50 = 7,937.4 per 1M
    expect(costOfCall(mixedUsage, pricesOn('gemini-2.5-flash'))).toBeCloseTo(0.0079374, 10);
  });

  it('should bill gemini-3.5-flash-lite at one input price for every modality', () => {
    // 11,258 x 0.30 + 2,500 x 0.03 + 1,500 x 2.50 = 7,202.4 per 1M
    expect(costOfCall(mixedUsage, pricesOn('gemini-3.5-flash-lite'))).toBeCloseTo(0.0072024, 10);
  });

  it('should bill a prompt over 200k tokens at the long-context prices, and one at 200k at the base ones', () => {
    const rates = pricesOn('gemini-3.1-pro-preview');
    const atThreshold = { ...ZERO_USAGE, text_input: 150_000, cached_text_input: 50_000, output: 1_000 };
    // 150,000 x 2.00 + 50,000 x 0.20 + 1,000 x 12 = 322,000 per 1M
    expect(costOfCall(atThreshold, rates)).toBeCloseTo(0.322, 10);
    const above = { ...atThreshold, text_input: 150_001 };
    // 150,001 x 4.00 + 50,000 x 0.40 + 1,000 x 18 = 638,004 per 1M
    expect(costOfCall(above, rates)).toBeCloseTo(0.638004, 10);
  });

  it('should price the cached input alone at the prompt tier the whole call is billed at', () => {
    const rates = pricesOn('gemini-3.1-pro-preview');
    const above = { ...ZERO_USAGE, text_input: 150_001, cached_text_input: 50_000, output: 1_000 };
    // 50,000 x 0.40 per 1M, the long-context cached price, since the whole prompt passes 200k.
    expect(cachedInputCost(above, rates)).toBeCloseTo(0.02, 10);
    expect(cachedInputCost({ ...above, text_input: 150_000 }, rates)).toBeCloseTo(0.01, 10);
  });

  it('should bill explicit cache storage per 1M tokens per hour, apart from the long-context tier', () => {
    // 10,000 cached tokens stored for 7 minutes (420 s): 4,200,000 token-seconds.
    const stored = { ...ZERO_USAGE, cache_storage_token_seconds: 10_000 * 420 };
    // 4,200,000 / 3,600 = 1,166.67 token-hours at $1.00 per 1M tokens per hour on gemini-3.5-flash.
    expect(costOfCall(stored, pricesOn('gemini-3.5-flash'))).toBeCloseTo(
      (10_000 * 420) / 3600 / 1_000_000,
      12,
    );
    // $4.50 on gemini-3.1-pro-preview, whose tier a prompt decides, not its storage.
    expect(costOfCall(stored, pricesOn('gemini-3.1-pro-preview'))).toBeCloseTo(
      ((10_000 * 420) / 3600) * 4.5 * 1e-6,
      12,
    );
  });

  it("should bill a cache's creation at the standard input price by modality, outside the call's tier", () => {
    const rates = pricesOn('gemini-2.5-flash-lite');
    // A call at flex (half price) that made a cache of 4,000 text and 96 audio tokens, stored 420 s.
    const made = {
      ...ZERO_USAGE,
      text_input: 100,
      cached_text_input: 4_000,
      cached_audio_input: 96,
      cache_creation_text_input: 4_000,
      cache_creation_audio_input: 96,
      cache_storage_token_seconds: 4_096 * 420,
    };
    // The request: (100 x 0.10 + 4,000 x 0.01 + 96 x 0.03) x 50%; the cache: 4,000 x 0.10 + 96 x 0.30
    // + 4,096 x 420 / 3,600 x 1.00, in full.
    const request = (100 * 0.1 + 4_000 * 0.01 + 96 * 0.03) * 0.5;
    const cache = 4_000 * 0.1 + 96 * 0.3 + ((4_096 * 420) / 3600) * 1;
    expect(
      costAtTier(
        made,
        rates,
        pricedModel('gemini-2.5-flash-lite', GEMINI_PRICE_TABLE) as PricedModel,
        'flex',
      ),
    ).toBeCloseTo((request + cache) / 1_000_000, 12);
  });

  it('should bill thinking as output and one million input tokens at the input price', () => {
    const rates = pricesOn('gemini-2.5-flash-lite');
    expect(costOfCall({ ...ZERO_USAGE, text_input: 1_000_000 }, rates)).toBeCloseTo(0.1, 10);
    expect(costOfCall({ ...ZERO_USAGE, thinking: 1_000_000 }, rates)).toBeCloseTo(0.4, 10);
    expect(costOfCall(ZERO_USAGE, rates)).toBe(0);
  });
});
