import { describe, expect, it } from 'vitest';
import { isSessionSampled } from './is-session-sampled.js';

const sessionIds = Array.from({ length: 4000 }, (_, index) => `user${index % 97}__2019-01-${index}`);
const kept = (seed: string, rate: number) => sessionIds.filter((id) => isSessionSampled(seed, id, rate));

describe('isSessionSampled', () => {
  it('should keep every session at rate 1', () => {
    expect(kept('any', 1)).toHaveLength(sessionIds.length);
  });

  it('should keep about the given fraction, the same sessions each time', () => {
    const first = kept('7', 0.25);
    expect(first.length).toBeGreaterThan(sessionIds.length * 0.22);
    expect(first.length).toBeLessThan(sessionIds.length * 0.28);
    expect(kept('7', 0.25)).toEqual(first);
  });

  it('should keep another subset with another seed', () => {
    expect(kept('8', 0.25)).not.toEqual(kept('7', 0.25));
  });

  it('should keep a superset of a smaller rate with the same seed', () => {
    const small = new Set(kept('7', 0.1));
    const large = new Set(kept('7', 0.3));
    expect([...small].every((id) => large.has(id))).toBe(true);
    expect(large.size).toBeGreaterThan(small.size);
  });
});
