import { describe, expect, it } from 'vitest';
import { FaultInjector } from './emulator-faults.js';

/** Returns the given draws in order, then fails: a test states every draw it expects. */
function draws(...values: number[]): () => number {
  return () => {
    const value = values.shift();
    if (value === undefined) throw new Error('more random draws than the test expected');
    return value;
  };
}

describe('FaultInjector', () => {
  it('should pick at most one applicable kind per draw, each within its own band of rates', () => {
    const faults = new FaultInjector({
      rates: { rateLimited: 0.1, unavailable: 0.05, malformed: 0.05 },
      random: draws(0.05, 0.12, 0.16, 0.21, 0.5),
    });
    const applicable = ['rateLimited', 'unavailable', 'malformed'] as const;
    expect([0, 1, 2, 3, 4].map(() => faults.pick(applicable))).toEqual([
      'rateLimited',
      'unavailable',
      'malformed',
      undefined,
      undefined,
    ]);
    expect(faults.applied).toMatchObject({ rateLimited: 1, unavailable: 1, malformed: 1, hang: 0 });
  });

  it('should leave kinds that do not apply out of the bands, so the others move down', () => {
    const faults = new FaultInjector({
      rates: { rateLimited: 0.1, wrongTrackId: 0.05 },
      random: draws(0.12, 0.12),
    });
    // Both apply: wrongTrackId owns [0.10, 0.15). Alone it owns [0, 0.05).
    expect(faults.pick(['rateLimited', 'wrongTrackId'])).toBe('wrongTrackId');
    expect(faults.pick(['wrongTrackId'])).toBeUndefined();
  });

  it('should not draw at all when no applicable kind has a rate', () => {
    const faults = new FaultInjector({ rates: { failedUpload: 0.5 }, random: draws() });
    expect(faults.pick(['rateLimited', 'hang'])).toBeUndefined();
    expect(new FaultInjector(undefined).pick(['rateLimited'])).toBeUndefined();
  });

  it('should reject a rate outside [0, 1] or an unknown kind', () => {
    expect(() => new FaultInjector({ rates: { hang: 1.5 }, random: Math.random })).toThrow(RangeError);
    const unknown = { rates: { teapot: 0.1 } as never, random: Math.random };
    expect(() => new FaultInjector(unknown)).toThrow(/teapot/);
  });
});
