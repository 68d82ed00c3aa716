import { describe, expect, it } from 'vitest';
import { mediaExtensionsOf, mediaTypeOf, mediaTypeOfExtension } from './media-type.js';

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
    for (const [path, type] of Object.entries(expected)) expect(mediaTypeOf(path), path).toBe(type);
  });

  it('should know nothing of formats Gemini does not take', () => {
    expect(mediaTypeOf('clip.mid')).toBeUndefined();
    expect(mediaTypeOf('cover')).toBeUndefined();
  });
});

describe('mediaTypeOfExtension', () => {
  it('should take an extension with or without its dot, in any case', () => {
    expect(mediaTypeOfExtension('mp3')).toBe('audio/mp3');
    expect(mediaTypeOfExtension('.JPG')).toBe('image/jpeg');
    expect(mediaTypeOfExtension('gif')).toBeUndefined();
  });
});

describe('mediaExtensionsOf', () => {
  it('should list the extensions of one kind only', () => {
    expect(mediaExtensionsOf('audio')).toContain('wav');
    expect(mediaExtensionsOf('audio')).not.toContain('png');
    expect(mediaExtensionsOf('image')).toEqual(['jpg', 'jpeg', 'png', 'webp']);
  });
});
