import { type ModelPart, mediaTypeOf, STANDARD_MEDIA_TYPES, Tp2dgError, type Track } from '@tp2dg/entities';

/** The paper puts about 200 characters of lyrics into prompts. */
const LYRICS_EXCERPT_LENGTH = 200;

/** How much of a track an agent may see: the asymmetry of the method lives here. */
export type TrackView =
  /** Recsys pool: everything, with the id it must copy. */
  | 'catalog'
  /** Profile, goal and Listener priming: everything but the id. */
  | 'anonymous'
  /** A recommendation reaching the Listener, as in the paper: title, artist, album only. */
  | 'recommended'
  /** The same with its lyrics excerpt (`--listener-lyrics`): an extension of the paper's method. */
  | 'recommended-with-lyrics';

/** One piece of a track's line of text: what prompts call it, and its text when the track has it. */
export interface TrackField {
  /** The words a prompt uses for it ("title", "artist"); two for the piece naming both. */
  names: readonly string[];
  render: (track: Track) => string | undefined;
}

const field = (names: readonly string[], render: TrackField['render']): TrackField => ({ names, render });

const ID = field(['track_id'], (track) => `track_id: ${track.track_id}`);
const TITLE_AND_ARTIST = field(['title', 'artist'], (track) => `"${track.title}" by ${track.artist}`);
const ALBUM = field(['album'], (track) => (track.album ? `album: ${track.album}` : undefined));
const LYRICS = field(['lyrics excerpt'], (track) =>
  track.lyrics ? `lyrics excerpt: "${lyricsExcerpt(track.lyrics)}"` : undefined,
);
const DETAILS = [
  field(['tags'], (track) => (track.tags.length > 0 ? `tags: ${track.tags.join(', ')}` : undefined)),
  field(['release date'], (track) => (track.release_date ? `released: ${track.release_date}` : undefined)),
  field(['tempo'], (track) => (track.tempo === undefined ? undefined : `tempo: ${track.tempo} BPM`)),
  field(['key'], (track) => (track.key ? `key: ${track.key}` : undefined)),
  field(['popularity'], (track) =>
    track.popularity === undefined ? undefined : `popularity: ${track.popularity}`,
  ),
  LYRICS,
];

const FIELDS_BY_VIEW: Readonly<Record<TrackView, readonly TrackField[]>> = {
  catalog: [ID, TITLE_AND_ARTIST, ALBUM, ...DETAILS],
  anonymous: [TITLE_AND_ARTIST, ALBUM, ...DETAILS],
  recommended: [TITLE_AND_ARTIST, ALBUM],
  'recommended-with-lyrics': [TITLE_AND_ARTIST, ALBUM, LYRICS],
};

/** The pieces of text a view may show of a track, in the order its line gives them. */
export function trackFieldsOf(view: TrackView): readonly TrackField[] {
  return FIELDS_BY_VIEW[view];
}

export function describeTrack(track: Track, view: TrackView): string {
  return trackFieldsOf(view)
    .flatMap((piece) => piece.render(track) ?? [])
    .join(' | ');
}

/** The track as message parts: its description, then its audio clip and cover when present. */
export function trackParts(track: Track, view: TrackView, label = ''): ModelPart[] {
  return [{ kind: 'text', text: `${label}${describeTrack(track, view)}` }, ...trackMediaParts(track)];
}

/**
 * The audio clip and cover of a track, when it has them, each sent as the type a run found in
 * its content (`audio_mime_type`, `image_mime_type`), in its provider's name for it; a track no
 * run checked (a library caller's) goes by its extension, as its registered type.
 */
export function trackMediaParts(track: Track): ModelPart[] {
  const files = [
    { path: track.audio_path, mimeType: track.audio_mime_type },
    { path: track.image_path, mimeType: track.image_mime_type },
  ];
  return files.flatMap(({ path, mimeType }) => {
    if (path === undefined) return [];
    const sentAs = mimeType ?? mediaTypeOf(path, STANDARD_MEDIA_TYPES);
    // Runs reject other formats up front; reaching here with one is a caller's bug.
    if (sentAs === undefined)
      throw new Tp2dgError('INVALID_INPUT', `${path}: a media format no run would send: check it first`);
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
