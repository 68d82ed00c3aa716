import { createUserDemographics, type SessionCandidate, type TrackLookup } from '@tp2dg/data-loaders';
import type { Track } from '@tp2dg/entities';

const uriPrefix = 'spotify:track:';

/** A playlist as the session builder takes it: the candidate and a lookup of its tracks. */
export interface MpdPlaylist {
  candidate: SessionCandidate;
  lookupTrack: TrackLookup;
}

type Entry = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

function isBase62(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * `track_uri` "spotify:track:<22 base62>" to the 22-character id TalkPlayData 2 also uses.
 * Checked by hand rather than by a regular expression: it runs for every one of the MPD's
 * 66 million track entries.
 */
export function spotifyTrackId(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.length !== uriPrefix.length + 22 || !uri.startsWith(uriPrefix))
    return undefined;
  for (let index = uriPrefix.length; index < uri.length; index++) {
    if (!isBase62(uri.charCodeAt(index))) return undefined;
  }
  return uri.slice(uriPrefix.length);
}

function toTrack(trackId: string, entry: Entry): Track {
  const track: Track = {
    track_id: trackId,
    title: text(entry.track_name),
    artist: text(entry.artist_name),
    tags: [],
  };
  const album = text(entry.album_name);
  if (album.length > 0) track.album = album;
  return track;
}

const positionOf = (item: unknown, index: number): number => {
  const pos = (item as Entry | null)?.pos;
  return typeof pos === 'number' ? pos : index;
};

/**
 * The entries in `pos` order (one without a numeric `pos` keeps its place) and their track
 * keys, in one pass over the entries; sorted only when the file is not in order.
 */
function orderedEntries(items: unknown[]): { entries: unknown[]; keys: string[] } {
  const keys = new Array<string>(items.length);
  let previous = Number.NEGATIVE_INFINITY;
  let ordered = true;
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as Entry | null;
    const position = positionOf(item, index);
    if (position < previous) ordered = false;
    previous = position;
    const uri = item?.track_uri;
    // A key no lookup knows, unique per entry, so the builder counts the entry as dropped.
    keys[index] = typeof uri === 'string' ? uri : `\u0000unknown-${index}`;
  }
  if (ordered) return { entries: items, keys };
  const order = items
    .map((_, index) => index)
    .sort((a, b) => positionOf(items[a], a) - positionOf(items[b], b));
  return { entries: order.map((index) => items[index]), keys: order.map((index) => keys[index] as string) };
}

/**
 * Finds a track entry by `track_uri`. The builder asks in playlist order, so the search starts
 * after the last entry found and nearly always hits at once; it still finds any entry, in any
 * order. No per-playlist index is built: this runs for 66 million entries.
 */
function createEntryFinder(entries: readonly unknown[]): (uri: string) => Entry | undefined {
  let hint = 0;
  return (uri) => {
    for (let step = 0; step < entries.length; step++) {
      const index = (hint + step) % entries.length;
      const entry = entries[index] as Entry | null | undefined;
      if (entry?.track_uri === uri) {
        hint = index + 1;
        return entry;
      }
    }
    return undefined;
  };
}

/**
 * A playlist record as a session candidate `mpd-<pid>`, or the problem that makes it unusable.
 * The candidate's track keys are the `track_uri`s (a repeat is the same uri); a track is built,
 * with its 22-character id, only when the builder asks for it. An entry without a valid
 * `track_uri` (a local file) is unknown and one without a name or artist incomplete: the
 * builder drops both before counting. The MPD has no users: each playlist gets its own, whose
 * only known fact is the corpus-wide one (its README: playlists of US users).
 */
export function toMpdPlaylist(record: unknown): MpdPlaylist | { problem: string } {
  if (typeof record !== 'object' || record === null) return { problem: 'a playlist must be an object' };
  const { pid, tracks: items, modified_at: modifiedAt } = record as Entry;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid < 0) {
    return { problem: '"pid" is required (expected a whole number)' };
  }
  if (!Array.isArray(items)) return { problem: `playlist ${pid}: "tracks" is required (expected an array)` };
  const { entries, keys: trackKeys } = orderedEntries(items);
  const candidate: SessionCandidate = {
    sessionId: `mpd-${pid}`,
    user: createUserDemographics(`mpd-owner-${pid}`, {}, { country: 'US' }),
    trackIds: trackKeys,
  };
  if (typeof modifiedAt === 'number' && Number.isFinite(modifiedAt)) {
    candidate.date = new Date(modifiedAt * 1000).toISOString().slice(0, 10);
  }
  const findEntry = createEntryFinder(entries);
  const lookupTrack = (uri: string) => {
    const trackId = spotifyTrackId(uri);
    const entry = trackId === undefined ? undefined : findEntry(uri);
    return entry === undefined || trackId === undefined ? undefined : toTrack(trackId, entry);
  };
  return { candidate, lookupTrack };
}
