import { PricedModelSchema, PriceTableSchema } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import table from '../../data/gemini-prices.json' with { type: 'json' };

type Json = Record<string, unknown>;
const shipped = table as unknown as { models: Record<string, Json> };
const flashLite = shipped.models['gemini-3.5-flash-lite'] as Json;

/** The first problem the schema finds in a changed copy of a shipped entry, as `path: message`. */
function problemWith(change: Json): string | undefined {
  const parsed = PricedModelSchema.safeParse({ ...flashLite, ...change });
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  return issue === undefined ? undefined : `${issue.path.join('.')}: ${issue.message}`;
}

describe('PriceTableSchema', () => {
  it('should accept the shipped table, with a date and a source for every model', () => {
    const parsed = PriceTableSchema.parse(table);
    for (const [id, model] of Object.entries(parsed.models)) {
      expect(model.as_of, id).toMatch(/^2026-\d\d-\d\d$/);
      expect(model.source, id).toMatch(/^Gemini API /);
      expect(model.thinking.source, id).not.toBe('');
    }
  });

  it('should give Gemini 3 models 280, 560 and 1,120 tokens an image and Gemini 2.5 a fixed 258', () => {
    const parsed = PriceTableSchema.parse(table);
    expect(parsed.models['gemini-3.5-flash-lite']?.media).toEqual({
      audio_tokens_per_second: 32,
      image_tokens: { low: 280, medium: 560, high: 1120 },
      default_media_resolution: 'high',
      media_resolution_per_part: true,
    });
    expect(parsed.models['gemini-2.5-flash-lite']?.media).toMatchObject({
      default_media_resolution: 'medium',
      image_tokens: { medium: 258 },
      media_resolution_per_part: false,
    });
  });

  it('should require retired_on and replaced_by exactly on retired models', () => {
    expect(problemWith({})).toBeUndefined();
    expect(problemWith({ status: 'retired' })).toBe(
      'status: retired_on and replaced_by are set exactly when the status is retired',
    );
    expect(problemWith({ retired_on: '2026-12-01', replaced_by: 'gemini-3.8-flash' })).toMatch(/^status: /);
    expect(
      problemWith({ status: 'retired', retired_on: '2026-12-01', replaced_by: 'gemini-3.8-flash' }),
    ).toBeUndefined();
  });

  it('should require dated rates in ascending order after an undated first one', () => {
    const [first] = flashLite.rates as Json[];
    expect(problemWith({ rates: [{ ...first, from: '2026-01-01' }] })).toMatch(/^rates\.0\.from: /);
    const later = { ...first, from: '2027-01-01' };
    expect(problemWith({ rates: [first, later] })).toBeUndefined();
    expect(problemWith({ rates: [first, later, { ...first, from: '2026-06-01' }] })).toMatch(
      /^rates\.2\.from: /,
    );
    expect(problemWith({ rates: [] })).toMatch(/^rates: /);
  });

  it('should refuse explicit caching without a storage price, which would count storage as free', () => {
    const [first] = flashLite.rates as Json[];
    expect(problemWith({ explicit_cache_min_tokens: 4096 })).toBe(
      'rates.0.cache_storage_per_hour: a model with explicit_cache_min_tokens needs a cache_storage_per_hour in every rates entry',
    );
    expect(
      problemWith({ explicit_cache_min_tokens: 4096, rates: [{ ...first, cache_storage_per_hour: 1 }] }),
    ).toBeUndefined();
  });

  it('should refuse negative prices, discounts over 1 and unknown resolutions', () => {
    const [first] = flashLite.rates as Json[];
    expect(problemWith({ rates: [{ ...first, output: -1 }] })).toMatch(/^rates\.0\.output: /);
    expect(problemWith({ batch_discount: 1.5 })).toMatch(/^batch_discount: /);
    const media = { ...(flashLite.media as Json), default_media_resolution: 'ultra' };
    expect(problemWith({ media })).toMatch(/^media\.default_media_resolution: /);
  });
});
