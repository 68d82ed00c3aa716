import { costAtTier, pricedModel, priceOf, serviceTierFactor, ZERO_USAGE } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { GEMINI_PRICE_TABLE } from './gemini-prices.js';

describe('serviceTierFactor', () => {
  const model = pricedModel('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE);
  if (model === undefined) throw new Error('gemini-3.5-flash-lite must be priced');

  it('should price flex at the flex discount, standard and unrecorded tiers at the list price', () => {
    // The table gives flex 50% off.
    expect(serviceTierFactor(model, 'flex')).toBe(0.5);
    expect(serviceTierFactor(model, 'standard')).toBe(1);
    expect(serviceTierFactor(model, undefined)).toBe(1);
  });

  it('should price priority as standard, the table having no premium, and flex at full price where not offered', () => {
    expect(serviceTierFactor(model, 'priority')).toBe(1);
    expect(serviceTierFactor({ ...model, flex_discount: null }, 'flex')).toBe(1);
  });
});

describe('costAtTier', () => {
  const model = pricedModel('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE);
  const rates = priceOf('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE, new Date('2026-12-15'));
  if (model === undefined || rates === undefined) throw new Error('gemini-3.5-flash-lite must be priced');
  const usage = { ...ZERO_USAGE, text_input: 1_000_000, cached_text_input: 2_000_000, output: 100_000 };

  it('should take the batch discount off all but the cached input, which stays at the cached price', () => {
    // List: 1M x $0.30 + 2M cached x $0.03 + 100k x $2.50 = 0.30 + 0.06 + 0.25 = $0.61.
    expect(costAtTier(usage, rates, model, 'standard')).toBeCloseTo(0.61, 10);
    // Batch: (0.30 + 0.25) x 50% + 0.06 at the full cached price = $0.335.
    expect(costAtTier(usage, rates, model, 'batch')).toBeCloseTo(0.335, 10);
    // Flex halves the whole call, cached input included: $0.305.
    expect(costAtTier(usage, rates, model, 'flex')).toBeCloseTo(0.305, 10);
  });

  it('should price batch at the list price where the table offers no batch discount', () => {
    expect(costAtTier(usage, rates, { ...model, batch_discount: null }, 'batch')).toBeCloseTo(0.61, 10);
    expect(costAtTier(usage, rates, model, undefined)).toBeCloseTo(0.61, 10);
  });
});
