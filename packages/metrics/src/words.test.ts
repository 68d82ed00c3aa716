import { describe, expect, it } from 'vitest';
import { checkWordCount, wordSequenceStarts, words } from './words.js';

describe('words', () => {
  it('should keep word-like segments only, lowercased, with plain apostrophes', () => {
    expect(words('Hello, World! I’m here -- "really" 2 times.')).toEqual([
      'hello',
      'world',
      "i'm",
      'here',
      'really',
      '2',
      'times',
    ]);
    expect(words(' ... !')).toEqual([]);
  });

  it('should split a text written without spaces into more than one word', () => {
    const japanese = words('雨の夜に合う静かな曲');
    expect(japanese.length).toBeGreaterThan(3);
    expect(japanese.join('')).toBe('雨の夜に合う静かな曲');
  });
});

describe('wordSequenceStarts', () => {
  it('should find every start of adjacent words in order, and none for an empty needle', () => {
    const haystack = words('the cat and the cat sat');
    expect(wordSequenceStarts(haystack, ['the', 'cat'])).toEqual([0, 3]);
    expect(wordSequenceStarts(haystack, ['cat', 'the'])).toEqual([]);
    expect(wordSequenceStarts(haystack, [])).toEqual([]);
  });
});

describe('checkWordCount', () => {
  it('should refuse a count that is not a whole number from 1 with a typed error', () => {
    expect(() => checkWordCount(1, 'n')).not.toThrow();
    for (const count of [0, -2, 1.5, Number.NaN]) {
      expect(() => checkWordCount(count, 'n')).toThrow(
        expect.objectContaining({ name: 'Tp2dgError', code: 'INVALID_ARGUMENT' }),
      );
    }
  });
});
