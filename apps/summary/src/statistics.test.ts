import { describe, expect, it } from 'vitest';
import { countBy, countCombinations } from './statistics.js';

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
