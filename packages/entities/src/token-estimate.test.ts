import { describe, expect, it } from 'vitest';
import {
  addTokens,
  estimateTokens,
  NO_TOKENS,
  tallyParts,
  textTokens,
  totalTokens,
} from './token-estimate.js';

/** A model's figures at one media resolution, as a provider's tables give them. */
const rates = { audioPerSecond: 32, image: 280 };

describe('estimateTokens', () => {
  it('should count text at 4 characters a token, rounded up', () => {
    expect(estimateTokens({ characters: 9, audioSeconds: 0, images: 0 }, rates)).toEqual({
      text: 3,
      audio: 0,
      image: 0,
    });
    expect(textTokens(8)).toBe(2);
    expect(textTokens(0)).toBe(0);
  });

  it('should count audio by the second at the given rate, rounding the sum up once', () => {
    // 3 s + 30.5 s of audio at 32 tokens a second.
    expect(estimateTokens({ characters: 0, audioSeconds: 33.5, images: 0 }, rates).audio).toBe(1072);
    expect(estimateTokens({ characters: 0, audioSeconds: 0.01, images: 0 }, rates).audio).toBe(1);
  });

  it('should count each image at the given figure, whatever the other modalities', () => {
    const tokens = estimateTokens({ characters: 400, audioSeconds: 10, images: 3 }, rates);
    expect(tokens).toEqual({ text: 100, audio: 320, image: 840 });
    expect(totalTokens(tokens)).toBe(1260);
    expect(
      estimateTokens({ characters: 0, audioSeconds: 0, images: 3 }, { ...rates, image: 258 }).image,
    ).toBe(774);
  });

  it('should add token counts modality by modality', () => {
    const one = { text: 1, audio: 2, image: 3 };
    expect(addTokens(addTokens(NO_TOKENS, one), one)).toEqual({ text: 2, audio: 4, image: 6 });
  });
});

describe('tallyParts', () => {
  it('should sum the characters, list the audio files and count every other file as an image', () => {
    const tally = tallyParts([
      { kind: 'text', text: 'abcd' },
      { kind: 'file', path: '/m/a.wav', mimeType: 'audio/wav' },
      { kind: 'file', path: '/m/cover.png', mimeType: 'image/png' },
      { kind: 'text', text: 'efg' },
      { kind: 'file', path: '/m/doc.pdf', mimeType: 'application/pdf' },
    ]);
    expect(tally).toEqual({
      characters: 7,
      audio: [{ kind: 'file', path: '/m/a.wav', mimeType: 'audio/wav' }],
      images: 2,
    });
  });
});
