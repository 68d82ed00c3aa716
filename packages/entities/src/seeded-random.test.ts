import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';

describe('createSeededRandom', () => {
  it('should repeat the same sequence for the same seed parts', () => {
    const first = createSeededRandom(42, 'session-1');
    const second = createSeededRandom(42, 'session-1');
    const draws = (random: typeof first) => Array.from({ length: 20 }, () => random.int(1000));
    expect(draws(first)).toEqual(draws(second));
  });

  it('should draw a different sequence for another seed part', () => {
    const random = createSeededRandom(1, 'a');
    const other = createSeededRandom(1, 'b');
    const draws = (source: typeof random) => Array.from({ length: 8 }, () => source.int(1_000_000));
    expect(draws(random)).not.toEqual(draws(other));
  });

  it('should sample distinct items within bounds', () => {
    const items = Array.from({ length: 44 }, (_, index) => index);
    const sample = createSeededRandom(7).sample(items, 3);
    expect(new Set(sample).size).toBe(3);
    for (const item of sample) expect(items).toContain(item);
    expect(createSeededRandom(7).sample([1, 2], 5)).toHaveLength(2);
  });
});
