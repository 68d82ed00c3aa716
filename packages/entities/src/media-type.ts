import { extname } from 'node:path';

/** Audio clips and cover images: the two kinds of media a track carries. */
export type MediaKind = 'audio' | 'image';

/**
 * The media a model takes, as the MIME type it takes for each file extension (`.mp3`:
 * `audio/mp3`), lower case with the dot. Each provider declares its own: they name the same
 * format differently, and take different formats.
 */
export type MediaTypes = Readonly<Record<string, string>>;

/**
 * The registered MIME types of the formats tracks usually come in: what a track is named as
 * where no model's table applies (a report's media, a track no run checked).
 */
export const STANDARD_MEDIA_TYPES: MediaTypes = Object.freeze({
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.flac': 'audio/flac',
  '.ogg': 'audio/ogg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.aiff': 'audio/aiff',
  '.aif': 'audio/aiff',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
});

/** The MIME type a table gives a media file by its extension, or undefined for a format it lacks. */
export function mediaTypeOf(path: string, types: MediaTypes): string | undefined {
  return mediaTypeOfExtension(extname(path), types);
}

/** The MIME type a table gives a file extension (`mp3` or `.mp3`, any case), or undefined. */
export function mediaTypeOfExtension(extension: string, types: MediaTypes): string | undefined {
  const normalised = extension.toLowerCase();
  const key = normalised.startsWith('.') ? normalised : `.${normalised}`;
  return Object.hasOwn(types, key) ? types[key] : undefined;
}

/** The extensions a table has for one kind of media (`wav, mp3, ...`), for messages saying what to convert to. */
export function mediaExtensionsOf(kind: MediaKind, types: MediaTypes): string[] {
  return Object.entries(types)
    .filter(([, type]) => type.startsWith(`${kind}/`))
    .map(([extension]) => extension.slice(1));
}
