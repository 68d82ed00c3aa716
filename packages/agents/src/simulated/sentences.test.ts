import { describe, expect, it } from 'vitest';
import { asSentence, joinSentences } from './sentences.js';

describe('asSentence', () => {
  it('should capitalise the first letter and end with a full stop where there is none', () => {
    expect(asSentence('bring it up a little')).toBe('Bring it up a little.');
    expect(asSentence('  warmer... but slower ')).toBe('Warmer... but slower.');
    expect(asSentence('under 100 BPM (no vocals)')).toBe('Under 100 BPM (no vocals).');
    expect(asSentence("'blue' in the title")).toBe("'Blue' in the title.");
  });

  it('should keep a sentence that already ends, inside quotes or brackets too', () => {
    expect(asSentence('Something smoother?')).toBe('Something smoother?');
    expect(asSentence('yes! that is it!')).toBe('Yes! that is it!');
    expect(asSentence('she said "perfect."')).toBe('She said "perfect."');
    expect(asSentence('(a quiet one.)')).toBe('(A quiet one.)');
  });
});

describe('joinSentences', () => {
  it('should never run one sentence into the next', () => {
    expect(joinSentences(['bring it up a little', 'Something more indie rock, maybe?'])).toBe(
      'Bring it up a little. Something more indie rock, maybe?',
    );
  });
});
