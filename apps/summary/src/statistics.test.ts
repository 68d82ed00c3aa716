import { describe, expect, it } from 'vitest';
import { countBy, countCombinations, describeNumbers, round } from './statistics.js';

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

describe('countBy', () => {
  it('should count every known key, unseen ones as 0', () => {
    expect(countBy(['a', 'b', 'c'], ['a', 'c', 'a'])).toEqual({ a: 2, b: 0, c: 1 });
  });
});

describe('countCombinations', () => {
  it('should count distinct field combinations sorted field by field', () => {
    const rows = [
      { stage: 'load', code: 'Z' },
      { stage: 'generate', code: 'B' },
      { stage: 'load', code: 'A' },
      { stage: 'load', code: 'Z' },
    ];
    expect(countCombinations(rows)).toEqual([
      { stage: 'generate', code: 'B', count: 1 },
      { stage: 'load', code: 'A', count: 1 },
      { stage: 'load', code: 'Z', count: 2 },
    ]);
  });
});
