import { describe, expect, it } from 'vitest';
import { DEFAULT_POOL_CAP } from './session-building-options.js';
import { assertSplitOptions, splitSession } from './split-session.js';

const ids = (count: number) => Array.from({ length: count }, (_, index) => `t${index + 1}`);

describe('splitSession', () => {
  it('should take profiling tracks first and keep the pool in session order', () => {
    expect(splitSession(ids(6), { profileSize: 2 })).toEqual({
      profiling: ['t1', 't2'],
      pool: ['t3', 't4', 't5', 't6'],
    });
  });

  it('should cap the pool at poolSize', () => {
    expect(splitSession(ids(10), { profileSize: 3, poolSize: 2 })).toEqual({
      profiling: ['t1', 't2', 't3'],
      pool: ['t4', 't5'],
    });
  });

  it('should count a replayed track once', () => {
    expect(splitSession(['a', 'b', 'a', 'c', 'b', 'd'], { profileSize: 2 })).toEqual({
      profiling: ['a', 'b'],
      pool: ['c', 'd'],
    });
  });

  it('should skip a session without room for one pool track', () => {
    const split = splitSession(ids(5), { profileSize: 5 });
    expect(split).toEqual({ skipReason: 'has 5 distinct tracks; needs at least 6 (5 profiling + 1 pool)' });
  });

  it('should reject a profileSize or poolSize below 1', () => {
    expect(() => assertSplitOptions({ profileSize: 0 })).toThrow(/profileSize must be an integer >= 1/);
    expect(() => assertSplitOptions({ profileSize: 5, poolSize: 0 })).toThrow(/poolSize/);
    expect(() => assertSplitOptions({ profileSize: 5, poolSize: 8 })).not.toThrow();
  });
});

describe('splitSession pool bounds', () => {
  it('should cap a pool without poolSize at DEFAULT_POOL_CAP', () => {
    const split = splitSession(ids(DEFAULT_POOL_CAP + 20), { profileSize: 5 });
    expect('pool' in split && split.pool.length).toBe(DEFAULT_POOL_CAP);
  });

  it('should skip a session whose pool would be smaller than minPool', () => {
    expect(splitSession(ids(7), { profileSize: 5, minPool: 3 })).toEqual({
      skipReason: 'has 7 distinct tracks; needs at least 8 (5 profiling + 3 pool)',
    });
    expect(splitSession(ids(8), { profileSize: 5, minPool: 3 })).toEqual({
      profiling: ids(5),
      pool: ['t6', 't7', 't8'],
    });
  });
});
