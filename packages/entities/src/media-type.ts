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
  '.aif': 'audio/aiff',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** Audio clips and cover images: the two kinds of media a track carries. */
export type MediaKind = 'audio' | 'image';

/** The MIME type of a media file, or undefined for a format Gemini does not take. */
export function mediaTypeOf(path: string): string | undefined {
  return mediaTypeOfExtension(extname(path));
}

/** The MIME type Gemini takes for a file extension (`mp3` or `.mp3`, any case), or undefined. */
export function mediaTypeOfExtension(extension: string): string | undefined {
  const normalised = extension.toLowerCase();
  return MEDIA_TYPES[normalised.startsWith('.') ? normalised : `.${normalised}`];
}

/** The extensions Gemini takes for one kind of media (`wav, mp3, ...`), for messages saying what to convert to. */
export function mediaExtensionsOf(kind: MediaKind): string[] {
  return Object.entries(MEDIA_TYPES)
    .filter(([, type]) => type.startsWith(`${kind}/`))
    .map(([extension]) => extension.slice(1));
}
