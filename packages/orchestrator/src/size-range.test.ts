import { describe, expect, it } from 'vitest';
import { type SizeRange, widenSizeRange } from './size-range.js';

describe('widenSizeRange', () => {
  it('should give the min, max and mean of the sizes added one by one', () => {
    const sizes = [26, 21, 32, 27];
    let range: SizeRange | null = null;
    for (const [count, size] of sizes.entries()) range = widenSizeRange(range, count, size);
    expect(range).toEqual({ min: 21, max: 32, mean: 26.5 });
  });
});
