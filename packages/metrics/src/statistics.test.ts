import { describe, expect, it } from 'vitest';
import { describeNumbers, proportion, round } from './statistics.js';

describe('describeNumbers', () => {
  it('should give mean, min and max, with the mean rounded to 4 decimals', () => {
    expect(describeNumbers([2, 3, 2])).toEqual({ mean: 2.3333, min: 2, max: 3 });
  });

  it('should give nulls, not zeros, when there is nothing to describe', () => {
    expect(describeNumbers([])).toEqual({ mean: null, min: null, max: null });
  });
});

describe('round', () => {
  it('should remove floating-point noise', () => {
    expect(round(0.1 + 0.2, 6)).toBe(0.3);
    expect(round(2 / 3, 4)).toBe(0.6667);
  });
});

describe('proportion', () => {
  it('should give the share to 4 decimals, and null rather than 0 out of nothing', () => {
    expect(proportion(1, 3)).toEqual({ count: 1, out_of: 3, share: 0.3333 });
    expect(proportion(0, 0)).toEqual({ count: 0, out_of: 0, share: null });
  });
});
