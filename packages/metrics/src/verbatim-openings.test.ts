import { describe, expect, it } from 'vitest';
import { verbatimOpenings } from './verbatim-openings.js';
import { words } from './words.js';

const after = (previous: string, message: string) => ({ previous: words(previous), message: words(message) });

const replies = [
  // Opens with the previous message's first words, punctuation and case aside.
  after('Something upbeat for the gym, please.', 'Something upbeat for the gym: try "Run" by Lanes.'),
  // Opens with words from the middle of the previous message.
  after('I loved it, but more piano please.', 'But more piano, please? Then "Blue in Green".'),
  // Shares words, not an opening of four adjacent ones.
  after('I want calm music tonight', 'Calm music coming right up: "Low Tide".'),
  // Too short to open with four words: not measured.
  after('Anything else?', 'Sure, here goes'),
];

describe('verbatimOpenings', () => {
  it('should count messages whose first four words occur adjacent in the previous message', () => {
    expect(verbatimOpenings(replies)).toEqual({ count: 2, out_of: 3, share: 0.6667 });
  });

  it('should compare as many words as asked', () => {
    // Two words: "calm music" now counts, and "sure here" is measured and does not.
    expect(verbatimOpenings(replies, 2)).toEqual({ count: 3, out_of: 4, share: 0.75 });
  });
});
