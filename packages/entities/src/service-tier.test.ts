import { describe, expect, it } from 'vitest';
import { pricedModel } from './pricing.js';
import { serviceTierFactor } from './service-tier.js';

describe('serviceTierFactor', () => {
  const model = pricedModel('gemini-3.5-flash-lite');
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
