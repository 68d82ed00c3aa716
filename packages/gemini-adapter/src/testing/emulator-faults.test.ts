import { describe, expect, it } from 'vitest';
import { drawsByRequest, FaultInjector } from './emulator-faults.js';

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
    expect([0, 1, 2, 3, 4].map((index) => faults.pick(applicable, `request ${index}`))).toEqual([
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
    expect(faults.pick(['rateLimited', 'wrongTrackId'], 'a')).toBe('wrongTrackId');
    expect(faults.pick(['wrongTrackId'], 'b')).toBeUndefined();
  });

  it('should not draw at all when no applicable kind has a rate', () => {
    const faults = new FaultInjector({ rates: { failedUpload: 0.5 }, random: draws() });
    expect(faults.pick(['rateLimited', 'hang'], 'a')).toBeUndefined();
    expect(new FaultInjector(undefined).pick(['rateLimited'], 'a')).toBeUndefined();
  });

  it('should tell the draw the request and how often the same one came before', () => {
    const told: string[] = [];
    const faults = new FaultInjector({
      rates: { unavailable: 0.5 },
      random: (request) => {
        told.push(request);
        return 0.9;
      },
    });
    for (const content of ['a', 'b', 'a']) faults.pick(['unavailable'], content);
    expect(told).toEqual(['a#1', 'b#1', 'a#2']);
  });

  it('should give each request the same draw by request whatever the order, and draw anew for a repeat', () => {
    const draw = drawsByRequest('seed');
    expect(draw('a#1')).toBe(drawsByRequest('seed')('a#1'));
    expect(draw('a#1')).not.toBe(draw('a#2'));
    expect(draw('a#1')).not.toBe(drawsByRequest('other')('a#1'));
    const values = Array.from({ length: 1000 }, (_, index) => draw(`r#${index}`));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Spread over [0, 1): about a tenth in each tenth.
    expect(values.filter((value) => value < 0.1).length).toBeGreaterThan(60);
    expect(values.filter((value) => value < 0.1).length).toBeLessThan(140);
  });

  it('should reject a rate outside [0, 1] or an unknown kind', () => {
    expect(() => new FaultInjector({ rates: { hang: 1.5 }, random: Math.random })).toThrow(RangeError);
    const unknown = { rates: { teapot: 0.1 } as never, random: Math.random };
    expect(() => new FaultInjector(unknown)).toThrow(/teapot/);
  });
});
