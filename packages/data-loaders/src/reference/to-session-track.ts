import type { Track } from '@tp2dg/entities';
import type { ReferenceTrack } from './reference-schemas.js';
import { resolveMediaPath } from './resolve-media-path.js';

/**
 * `genre` first, then the tags, without repeats ("Jazz" and "jazz" are one tag): the
 * Recsys matches on tags and the reference format keeps genre apart from them.
 */
export function mergeGenreIntoTags(genre: string | undefined, tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const merged: string[] = [];
  for (const tag of [genre, ...tags]) {
    const trimmed = tag?.trim();
    if (!trimmed || seen.has(trimmed.toLowerCase())) continue;
    seen.add(trimmed.toLowerCase());
    merged.push(trimmed);
  }
  return merged;
}

/** A reference-format track as the generator sees it: tags merged, media absolute and checked. */
export async function toSessionTrack(
  record: ReferenceTrack,
  realDataDir: string,
  where: string,
): Promise<Track> {
  const media = async (field: 'audio_path' | 'image_path') => {
    const mediaPath = record[field];
    if (mediaPath === undefined) return undefined;
    return resolveMediaPath({ realDataDir, mediaPath, where: `${where}: ${field}` });
  };
  const [audioPath, imagePath] = await Promise.all([media('audio_path'), media('image_path')]);
  const track: Track = {
    track_id: record.track_id,
    title: record.title,
    artist: record.artist,
    tags: mergeGenreIntoTags(record.genre, record.tags),
  };
  // Absent optional fields stay absent so sessions compare equal and serialise cleanly.
  const optional = {
    album: record.album,
    lyrics: record.lyrics,
    release_date: record.release_date,
    tempo: record.tempo,
    key: record.key,
    popularity: record.popularity,
    audio_path: audioPath,
    image_path: imagePath,
  };
  for (const [field, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(track, { [field]: value });
  }
  return track;
}
