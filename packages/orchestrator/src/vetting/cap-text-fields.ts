import type { Session, Track, UserDemographics } from '@tp2dg/entities';
import type { InputLimits } from './input-limits.js';

/** A text field longer than its cap, and where it is. */
export interface TextOverCap {
  /** `track "t004"` or `user "u01"`. */
  owner: string;
  /** `title`, `lyrics`, `tags[2]` ... */
  field: string;
  length: number;
  cap: number;
  /** The option that sets the cap. */
  option: '--max-text-chars' | '--max-lyrics-chars';
}

const USER_FIELDS = ['age_group', 'gender', 'country', 'preferred_language'] as const;
const TRACK_FIELDS = ['title', 'artist', 'album', 'release_date', 'key', 'lyrics'] as const;

/** The first `cap` characters, never half of a surrogate pair: the text stays valid for JSON and the API. */
function cut(text: string, cap: number): string {
  const kept = text.slice(0, cap);
  return /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept;
}

/**
 * A copy of the session with every text field over its cap cut to it, and the fields that
 * were. Ids are left whole: they name folders and must stay unique.
 */
export function capTextFields(
  session: Session,
  limits: Pick<InputLimits, 'maxTextChars' | 'maxLyricsChars'>,
): { session: Session; overCap: TextOverCap[] } {
  const overCap: TextOverCap[] = [];
  const capped = (owner: string, field: string, text: string): string => {
    const lyrics = field === 'lyrics';
    const cap = lyrics ? limits.maxLyricsChars : limits.maxTextChars;
    if (text.length <= cap) return text;
    overCap.push({
      owner,
      field,
      length: text.length,
      cap,
      option: lyrics ? '--max-lyrics-chars' : '--max-text-chars',
    });
    return cut(text, cap);
  };
  const capUser = (user: UserDemographics): UserDemographics => {
    const owner = `user ${JSON.stringify(user.user_id)}`;
    const copy = { ...user };
    for (const field of USER_FIELDS) {
      const value = copy[field];
      if (value !== null) copy[field] = capped(owner, field, value);
    }
    return copy;
  };
  const capTrack = (track: Track): Track => {
    const owner = `track ${JSON.stringify(track.track_id)}`;
    const copy = { ...track, tags: track.tags.map((tag, index) => capped(owner, `tags[${index}]`, tag)) };
    for (const field of TRACK_FIELDS) {
      const value = copy[field];
      if (value !== undefined) copy[field] = capped(owner, field, value);
    }
    return copy;
  };
  const result = {
    ...session,
    user: capUser(session.user),
    profiling_tracks: session.profiling_tracks.map(capTrack),
    pool_tracks: session.pool_tracks.map(capTrack),
  };
  return { session: result, overCap };
}
