import type { MediaTypes } from '@tp2dg/entities';

/**
 * The MIME types Gemini documents for audio and images, by file extension: the media it takes.
 * Explicit rather than a general MIME library, whose names (`audio/x-flac`, `audio/mpeg`) are
 * not the ones Gemini lists. An m4a file is AAC audio in an MP4 container: Gemini takes it as
 * `audio/aac`.
 */
export const GEMINI_MEDIA_TYPES: MediaTypes = Object.freeze({
  '.wav': 'audio/wav',
  '.mp3': 'audio/mp3',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/aac',
  '.aac': 'audio/aac',
  '.aiff': 'audio/aiff',
  '.aif': 'audio/aiff',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
});
