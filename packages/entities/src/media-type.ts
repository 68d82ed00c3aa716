import { extname } from 'node:path';

/**
 * The MIME types Gemini documents for audio and images, by file extension. Explicit rather
 * than a general MIME library, whose names (`audio/x-flac`, `audio/mpeg`) are not the ones
 * Gemini lists. An m4a file is AAC audio in an MP4 container: Gemini takes it as `audio/aac`.
 */
const MEDIA_TYPES: Readonly<Record<string, string>> = {
  '.wav': 'audio/wav',
  '.mp3': 'audio/mp3',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/aac',
  '.aac': 'audio/aac',
  '.aiff': 'audio/aiff',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** The MIME type of a media file, or undefined for a format Gemini does not take. */
export function mediaTypeOf(path: string): string | undefined {
  return MEDIA_TYPES[extname(path).toLowerCase()];
}
