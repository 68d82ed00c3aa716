import { describe, expect, it } from 'vitest';
import { ImplicitCache, type PromptEntry } from './implicit-cache.js';

const entry = (content: string, text: number, audio = 0): PromptEntry => ({
  content,
  tokens: { text, audio, image: 0 },
});

describe('ImplicitCache', () => {
  it('should serve the longest beginning an earlier prompt sent, by modality', () => {
    const cache = new ImplicitCache();
    expect(cache.cachedPrefix([entry('system', 600), entry('turn 1', 500, 96)])).toEqual({
      text: 0,
      audio: 0,
      image: 0,
    });
    const next = [entry('system', 600), entry('turn 1', 500, 96), entry('reply 1', 50), entry('turn 2', 40)];
    expect(cache.cachedPrefix(next)).toEqual({ text: 1100, audio: 96, image: 0 });
    // The call after that also finds the reply and turn 2 it sent.
    expect(cache.cachedPrefix([...next, entry('reply 2', 30)])).toEqual({ text: 1190, audio: 96, image: 0 });
  });

  it('should serve nothing under the 1,024-token minimum, or once the beginning differs', () => {
    const cache = new ImplicitCache();
    cache.cachedPrefix([entry('system', 600), entry('turn 1', 600)]);
    expect(cache.cachedPrefix([entry('system', 600), entry('another turn', 600)]).text).toBe(0);
    expect(cache.cachedPrefix([entry('other system', 600), entry('turn 1', 600)]).text).toBe(0);
  });
});
