import { stat } from 'node:fs/promises';
import { resolveMediaPath } from '@tp2dg/data-loaders';
import { type MediaKind, mediaTypeOf, STANDARD_MEDIA_TYPES, Tp2dgError, type Track } from '@tp2dg/entities';

/** One media file of a track, found inside its corpus. */
export interface MediaFile {
  /** Absolute and symlink-free. */
  path: string;
  mimeType: string;
  bytes: number;
}

/** A track's cover and audio clip, each null when it has none or it cannot be used. */
export interface TrackMediaFiles {
  cover: MediaFile | null;
  audio: MediaFile | null;
}

/** A MIME type fit for a data URI of its kind: a saved one comes from the corpus, not from us. */
const MIME_TYPE = /^(audio|image)\/[a-z0-9][a-z0-9.+-]*$/;

/**
 * Locates a track's media in its corpus, as the generator did: relative to the corpus and never
 * outside it once symbolic links are followed (`resolveMediaPath`), so a run's files cannot make
 * the report embed other files of the machine. A file that escapes, is gone or is of an unknown
 * type is left out, and `warn` says why.
 */
export async function trackMediaFiles(
  realRoot: string,
  track: Track,
  where: string,
  warn: (message: string) => void,
): Promise<TrackMediaFiles> {
  const locate = async (kind: MediaKind): Promise<MediaFile | null> => {
    const field = kind === 'audio' ? 'audio_path' : 'image_path';
    const mediaPath = track[field];
    if (mediaPath === undefined) return null;
    let path: string;
    try {
      path = await resolveMediaPath({ realDataDir: realRoot, mediaPath, where: `${where}: ${field}` });
    } catch (error) {
      if (!Tp2dgError.isInstance(error)) throw error;
      warn(error.message);
      return null;
    }
    // The type the run found in the file's content wins over its extension, as it did for the model.
    const mimeType =
      (kind === 'audio' ? track.audio_mime_type : track.image_mime_type) ??
      mediaTypeOf(path, STANDARD_MEDIA_TYPES);
    if (mimeType === undefined || !MIME_TYPE.test(mimeType) || !mimeType.startsWith(`${kind}/`)) {
      warn(`${where}: ${field} ${JSON.stringify(mediaPath)}: not a known ${kind} type; left out.`);
      return null;
    }
    return { path, mimeType, bytes: (await stat(path)).size };
  };
  return { cover: await locate('image'), audio: await locate('audio') };
}
