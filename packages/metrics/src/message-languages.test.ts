import { describe, expect, it } from 'vitest';
import { type ExpectedLanguages, messageLanguages } from './message-languages.js';

const portugueseUserInEnglish: ExpectedLanguages = { preferred: 'pt', conversation: 'en' };
const unknownUserUnrecordedRun: ExpectedLanguages = { preferred: null, conversation: null };

describe('messageLanguages', () => {
  it('should count languages found and compare only determined messages with a known expectation', () => {
    const languages = messageLanguages([
      { language: 'en', expected: portugueseUserInEnglish },
      { language: 'en', expected: portugueseUserInEnglish },
      { language: 'pt', expected: portugueseUserInEnglish },
      { language: null, expected: portugueseUserInEnglish },
      { language: 'de', expected: unknownUserUnrecordedRun },
    ]);
    expect(languages).toEqual({
      detected: [
        { language: 'en', messages: 2 },
        { language: 'de', messages: 1 },
        { language: 'pt', messages: 1 },
      ],
      undetermined: 1,
      // The undetermined message and the one without expectations are compared with nothing.
      in_preferred_language: { count: 1, out_of: 3, share: 0.3333 },
      in_conversation_language: { count: 2, out_of: 3, share: 0.6667 },
    });
  });

  it('should give no share when nothing could be compared', () => {
    const languages = messageLanguages([{ language: null, expected: portugueseUserInEnglish }]);
    expect(languages.in_preferred_language).toEqual({ count: 0, out_of: 0, share: null });
    expect(languages.detected).toEqual([]);
  });
});
