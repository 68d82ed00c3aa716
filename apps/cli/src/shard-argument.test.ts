import { describe, expect, it } from 'vitest';
import { parseShard } from './shard-argument.js';

describe('parseShard', () => {
  it('should read part i of n', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1/1 ')).toEqual({ index: 1, count: 1 });
  });

  it('should refuse anything else with the expected form', () => {
    for (const value of ['0/4', '5/4', '2', '2/0', 'a/b', '1/2/3']) {
      expect(() => parseShard(value), value).toThrow('--shard takes i/n with 1 <= i <= n');
    }
  });
});
