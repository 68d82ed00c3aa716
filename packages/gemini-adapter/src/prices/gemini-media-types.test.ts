import { mediaExtensionsOf, mediaTypeOf, mediaTypeOfExtension } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { GEMINI_MEDIA_TYPES } from './gemini-media-types.js';

describe('mediaTypeOf', () => {
  it('should give the MIME types Gemini documents for the formats corpora use', () => {
    const expected = {
      'a.wav': 'audio/wav',
      'a.MP3': 'audio/mp3',
      'a.flac': 'audio/flac',
      'a.ogg': 'audio/ogg',
      'a.m4a': 'audio/aac',
      'a.aif': 'audio/aiff',
      'a.jpg': 'image/jpeg',
      'a.png': 'image/png',
      'a.webp': 'image/webp',
    };
    for (const [path, type] of Object.entries(expected))
      expect(mediaTypeOf(path, GEMINI_MEDIA_TYPES), path).toBe(type);
  });

  it('should know nothing of formats Gemini does not take', () => {
    expect(mediaTypeOf('clip.mid', GEMINI_MEDIA_TYPES)).toBeUndefined();
    expect(mediaTypeOf('cover', GEMINI_MEDIA_TYPES)).toBeUndefined();
  });
});

describe('mediaTypeOfExtension', () => {
  it('should take an extension with or without its dot, in any case', () => {
    expect(mediaTypeOfExtension('mp3', GEMINI_MEDIA_TYPES)).toBe('audio/mp3');
    expect(mediaTypeOfExtension('.JPG', GEMINI_MEDIA_TYPES)).toBe('image/jpeg');
    expect(mediaTypeOfExtension('gif', GEMINI_MEDIA_TYPES)).toBeUndefined();
  });
});

describe('mediaExtensionsOf', () => {
  it('should list the extensions of one kind only', () => {
    expect(mediaExtensionsOf('audio', GEMINI_MEDIA_TYPES)).toContain('wav');
    expect(mediaExtensionsOf('audio', GEMINI_MEDIA_TYPES)).not.toContain('png');
    expect(mediaExtensionsOf('image', GEMINI_MEDIA_TYPES)).toEqual(['jpg', 'jpeg', 'png', 'webp']);
  });
});
