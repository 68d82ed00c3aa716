import { createUserDemographics, type SessionCandidate } from '@tp2dg/data-loaders';
import type { Track } from '@tp2dg/entities';

const trackUriPattern = /^spotify:track:([0-9A-Za-z]{22})$/;

/** A playlist as the session builder takes it: the candidate and its tracks by id. */
export interface MpdPlaylist {
  candidate: SessionCandidate;
  tracks: Map<string, Track>;
}

type Entry = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** `track_uri` "spotify:track:<22 base62>" to the 22-character id TalkPlayData 2 also uses. */
export function spotifyTrackId(uri: unknown): string | undefined {
  return typeof uri === 'string' ? trackUriPattern.exec(uri)?.[1] : undefined;
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

/**
 * Entries in `pos` order (an entry without a numeric `pos` keeps its place in the array). The
 * files are already in order, so the sort runs only when they are not.
 */
function inPlaylistOrder(items: unknown[]): Entry[] {
  const entries = items.map((item) => (typeof item === 'object' && item !== null ? (item as Entry) : {}));
  const positions = entries.map((entry, index) => (typeof entry.pos === 'number' ? entry.pos : index));
  const ordered = positions.every(
    (position, index) => index === 0 || position >= (positions[index - 1] as number),
  );
  if (ordered) return entries;
  return entries
    .map((entry, index) => ({ entry, position: positions[index] as number }))
    .sort((a, b) => a.position - b.position)
    .map(({ entry }) => entry);
}

/**
 * A playlist record as a session candidate `mpd-<pid>`, or the problem that makes it unusable.
 * A track entry without a valid `track_uri` is kept as an unknown id and one without a name or
 * artist as an incomplete track: the builder drops both before counting. The MPD has no users:
 * each playlist gets its own, whose only known fact is the corpus-wide one (README: US users).
 */
export function toMpdPlaylist(record: unknown): MpdPlaylist | { problem: string } {
  if (typeof record !== 'object' || record === null) return { problem: 'a playlist must be an object' };
  const { pid, tracks: entries, modified_at: modifiedAt } = record as Entry;
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid < 0) {
    return { problem: '"pid" is required (expected a whole number)' };
  }
  if (!Array.isArray(entries))
    return { problem: `playlist ${pid}: "tracks" is required (expected an array)` };
  const tracks = new Map<string, Track>();
  const trackIds: string[] = [];
  for (const [index, entry] of inPlaylistOrder(entries).entries()) {
    const trackId = spotifyTrackId(entry.track_uri) ?? `unknown-entry-${index}`;
    trackIds.push(trackId);
    if (!tracks.has(trackId) && !trackId.startsWith('unknown-entry-'))
      tracks.set(trackId, toTrack(trackId, entry));
  }
  const candidate: SessionCandidate = {
    sessionId: `mpd-${pid}`,
    user: createUserDemographics(`mpd-owner-${pid}`, {}, { country: 'US' }),
    trackIds,
  };
  if (typeof modifiedAt === 'number' && Number.isFinite(modifiedAt)) {
    candidate.date = new Date(modifiedAt * 1000).toISOString().slice(0, 10);
  }
  return { candidate, tracks };
}
