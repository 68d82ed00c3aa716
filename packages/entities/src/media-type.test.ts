import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from './media-type.js';

describe('mediaTypeOf', () => {
  it('should give the MIME types Gemini documents for the formats corpora use', () => {
    const expected = {
      'a.wav': 'audio/wav',
      'a.MP3': 'audio/mp3',
      'a.flac': 'audio/flac',
      'a.ogg': 'audio/ogg',
      'a.m4a': 'audio/aac',
      'a.jpg': 'image/jpeg',
      'a.png': 'image/png',
      'a.webp': 'image/webp',
    };
    for (const [path, type] of Object.entries(expected)) expect(mediaTypeOf(path), path).toBe(type);
  });

  it('should know nothing of formats Gemini does not take', () => {
    expect(mediaTypeOf('clip.mid')).toBeUndefined();
    expect(mediaTypeOf('cover')).toBeUndefined();
  });
});
