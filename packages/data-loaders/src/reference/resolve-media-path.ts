import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInsideDirectory, Tp2dgError } from '@tp2dg/entities';

export interface MediaReference {
  /** The real (symlink-free) corpus directory. */
  realDataDir: string;
  /** The path as written in the file, relative to the corpus directory or absolute. */
  mediaPath: string;
  /** `/abs/data/tracks.json: tracks[3] (track_id "t04"): audio_path`, for messages. */
  where: string;
}

/**
 * The absolute real path of a media file. Paths resolve against the corpus directory,
 * never the process's cwd, and must stay inside it after symlinks are followed, so a
 * corpus cannot make the tool upload files from elsewhere on the machine.
 *
 * Every track's media are located when the corpus loads, before any call: with synchronous
 * lookups of cached metadata, which cost a few microseconds each where the promise ones cost
 * a thread-pool round trip (bench/overhead). What the file holds (its format, size and bytes)
 * is the run's check, made for every loader alike as sessions are taken.
 */
export async function resolveMediaPath({ realDataDir, mediaPath, where }: MediaReference): Promise<string> {
  const written = JSON.stringify(mediaPath);
  const lexical = path.resolve(realDataDir, mediaPath);
  const escapeError = (resolved: string) =>
    new Tp2dgError(
      'MEDIA_PATH_ESCAPE',
      `${where} ${written} resolves to ${resolved}, outside the corpus directory ${realDataDir}. Keep media inside the corpus directory.`,
    );
  let real: string;
  try {
    real = realpathSync.native(lexical);
  } catch (error) {
    if (!isInsideDirectory(realDataDir, lexical)) throw escapeError(lexical);
    throw new Tp2dgError(
      'MEDIA_NOT_FOUND',
      `${where} ${written}: no file at ${lexical}. Add the file or fix the path.`,
      { cause: error },
    );
  }
  if (!isInsideDirectory(realDataDir, real)) throw escapeError(real);
  const stats = statSync(real);
  if (!stats.isFile()) {
    throw new Tp2dgError(
      'MEDIA_NOT_FOUND',
      `${where} ${written}: ${real} is not a file. Point it at a file.`,
    );
  }
  return real;
}
