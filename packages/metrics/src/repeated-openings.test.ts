import { describe, expect, it } from 'vitest';
import { repeatedOpenings } from './repeated-openings.js';
import { words } from './words.js';

const firstMessages = [
  "I'm looking for something calm tonight",
  "I'm looking for something upbeat",
  'I’m looking for something else',
  'Play me jazz please, now',
  'Play me jazz please',
  'Hi',
  '',
].map(words);

describe('repeatedOpenings', () => {
  it('should count the conversations whose first four words another has, and list those openings', () => {
    // 6 openings (the empty message has none); 3 + 2 share theirs, "hi" is alone.
    expect(repeatedOpenings(firstMessages)).toEqual({
      words: 4,
      conversations: { count: 5, out_of: 6, share: 0.8333 },
      most_repeated: [
        { opening: "i'm looking for something", conversations: 3 },
        { opening: 'play me jazz please', conversations: 2 },
      ],
    });
  });

  it('should take a shorter message whole, and compare as many words as asked', () => {
    const openings = ['Hi there', 'Hi there friend', 'Hi there'].map(words);
    expect(repeatedOpenings(openings).conversations).toEqual({ count: 2, out_of: 3, share: 0.6667 });
    expect(repeatedOpenings(openings, 2).conversations).toEqual({ count: 3, out_of: 3, share: 1 });
  });

  it('should list at most five openings, most repeated first and ties alphabetically', () => {
    const pairs = ['g', 'f', 'e', 'd', 'c', 'b', 'a'].flatMap((letter) => [[letter], [letter]]);
    const listed = repeatedOpenings([...pairs, ['z'], ['z'], ['z']]).most_repeated;
    expect(listed.map(({ opening }) => opening)).toEqual(['z', 'a', 'b', 'c', 'd']);
  });
});
