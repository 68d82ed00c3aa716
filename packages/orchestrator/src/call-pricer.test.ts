import { costOfCall, priceOf, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createCallPricer } from './call-pricer.js';
import { TEST_PRICES } from './test-prices.js';

const usage: TokenUsage = { ...ZERO_USAGE, text_input: 1_000_000, output: 100_000 };

describe('createCallPricer', () => {
  it('should price each call at the list prices of the day it is answered', () => {
    let today = new Date('2026-12-31T23:00:00Z');
    const price = createCallPricer(
      { capabilities: { freeAndDeterministic: false }, model: 'gemini-3.8-flash' },
      TEST_PRICES,
      () => today,
    );
    // 1M x 0.75 + 100k x 3.75, then 1M x 1.50 + 100k x 7.50 from 2027-01-01.
    expect(price?.(usage)).toBeCloseTo(1.125, 10);
    today = new Date('2027-01-01T01:00:00Z');
    expect(price?.(usage)).toBeCloseTo(2.25, 10);
  });

  it('should price a flex call at the flex discount, and priority or an unrecorded tier at the list price', () => {
    const price = createCallPricer(
      { capabilities: { freeAndDeterministic: false }, model: 'gemini-3.5-flash-lite' },
      TEST_PRICES,
      () => new Date('2026-12-15'),
    );
    // 1M x 0.30 + 100k x 2.50 = $0.55 at standard; flex is 50% off: $0.275.
    expect(price?.(usage, 'standard')).toBeCloseTo(0.55, 10);
    expect(price?.(usage, 'flex')).toBeCloseTo(0.275, 10);
    expect(price?.(usage, 'priority')).toBeCloseTo(0.55, 10);
    expect(price?.(usage)).toBeCloseTo(0.55, 10);
  });

  it('should price a batch call at the batch discount, but for the input the implicit cache served', () => {
    const price = createCallPricer(
      { capabilities: { freeAndDeterministic: false }, model: 'gemini-3.5-flash-lite' },
      TEST_PRICES,
      () => new Date('2026-12-15'),
    );
    // $0.55 at standard, 50% off in batch: $0.275.
    expect(price?.(usage, 'batch')).toBeCloseTo(0.275, 10);
    // 1M cached tokens more: $0.03 at the cached price, not discounted in batch.
    expect(price?.({ ...usage, cached_text_input: 1_000_000 }, 'batch')).toBeCloseTo(0.305, 10);
  });

  it('should bill simulated calls nothing and have no price for a model the table lacks', () => {
    expect(
      createCallPricer(
        { capabilities: { freeAndDeterministic: true }, model: 'simulated' },
        TEST_PRICES,
      )?.(usage),
    ).toBe(0);
    expect(
      createCallPricer(
        { capabilities: { freeAndDeterministic: false }, model: 'gemini-9-ultra' },
        TEST_PRICES,
      ),
    ).toBeUndefined();
    const flashLite = priceOf('gemini-3.5-flash-lite', TEST_PRICES);
    const price = createCallPricer(
      { capabilities: { freeAndDeterministic: false }, model: 'models/gemini-3.5-flash-lite' },
      TEST_PRICES,
    );
    expect(flashLite && price?.(usage)).toBe(flashLite && costOfCall(usage, flashLite));
  });
});
