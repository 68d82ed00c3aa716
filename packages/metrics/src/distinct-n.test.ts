import { describe, expect, it } from 'vitest';
import { distinctN } from './distinct-n.js';
import { words } from './words.js';

const corpus = ['The cat sat.', 'the cat ran', 'Hello'].map(words);

describe('distinctN', () => {
  it('should divide distinct unigrams by all unigrams', () => {
    // the, cat, sat, the, cat, ran, hello: 7 words, 5 of them distinct.
    expect(distinctN(corpus, 1)).toEqual({ count: 5, out_of: 7, share: 0.7143 });
  });

  it('should take bigrams within each message, never across two', () => {
    // "the cat", "cat sat", "the cat", "cat ran": 4 bigrams, 3 distinct. "sat the" spans two
    // messages and "hello" has no bigram.
    expect(distinctN(corpus, 2)).toEqual({ count: 3, out_of: 4, share: 0.75 });
  });

  it('should give no share, not 0, when there is no n-gram', () => {
    expect(distinctN([['hello']], 2)).toEqual({ count: 0, out_of: 0, share: null });
    expect(distinctN([], 1)).toEqual({ count: 0, out_of: 0, share: null });
  });

  it('should refuse n below 1', () => {
    expect(() => distinctN(corpus, 0)).toThrow('n must be a whole number of words from 1, got 0');
  });
});
