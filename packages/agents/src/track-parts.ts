import { type ModelPart, mediaTypeOf, Tp2dgError, type Track } from '@tp2dg/entities';

/** The paper puts about 200 characters of lyrics into prompts. */
const LYRICS_EXCERPT_LENGTH = 200;

/** How much of a track an agent may see: the asymmetry of the method lives here. */
export type TrackView =
  /** Recsys pool: everything, with the id it must copy. */
  | 'catalog'
  /** Profile, goal and Listener priming: everything but the id. */
  | 'anonymous'
  /** A recommendation reaching the Listener: title, artist, album only. */
  | 'recommended';

export function describeTrack(track: Track, view: TrackView): string {
  const fields = [`"${track.title}" by ${track.artist}`];
  if (track.album) fields.push(`album: ${track.album}`);
  if (view !== 'recommended') {
    if (track.tags.length > 0) fields.push(`tags: ${track.tags.join(', ')}`);
    if (track.release_date) fields.push(`released: ${track.release_date}`);
    if (track.tempo !== undefined) fields.push(`tempo: ${track.tempo} BPM`);
    if (track.key) fields.push(`key: ${track.key}`);
    if (track.popularity !== undefined) fields.push(`popularity: ${track.popularity}`);
    if (track.lyrics) fields.push(`lyrics excerpt: "${lyricsExcerpt(track.lyrics)}"`);
  }
  if (view === 'catalog') fields.unshift(`track_id: ${track.track_id}`);
  return fields.join(' | ');
}

/** The track as message parts: its description, then its audio clip and cover when present. */
export function trackParts(track: Track, view: TrackView, label = ''): ModelPart[] {
  return [{ kind: 'text', text: `${label}${describeTrack(track, view)}` }, ...trackMediaParts(track)];
}

/**
 * The audio clip and cover of a track, when it has them, each sent as the type a run found in
 * its content (`audio_mime_type`, `image_mime_type`); a track no run checked (a library caller's)
 * goes by its extension.
 */
export function trackMediaParts(track: Track): ModelPart[] {
  const files = [
    { path: track.audio_path, mimeType: track.audio_mime_type },
    { path: track.image_path, mimeType: track.image_mime_type },
  ];
  return files.flatMap(({ path, mimeType }) => {
    if (path === undefined) return [];
    const sentAs = mimeType ?? mediaTypeOf(path);
    // Runs reject other formats up front; reaching here with one is a caller's bug.
    if (sentAs === undefined)
      throw new Tp2dgError('INVALID_INPUT', `${path}: a media format Gemini does not take`);
    return [{ kind: 'file' as const, path, mimeType: sentAs }];
  });
}

export function trackListParts(tracks: readonly Track[], view: TrackView): ModelPart[] {
  return tracks.flatMap((track, index) => trackParts(track, view, `${index + 1}. `));
}

function lyricsExcerpt(lyrics: string): string {
  const flat = lyrics.replace(/\s+/g, ' ').trim();
  return flat.length <= LYRICS_EXCERPT_LENGTH ? flat : `${flat.slice(0, LYRICS_EXCERPT_LENGTH)}...`;
}
