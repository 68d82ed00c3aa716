import {
  DEFAULT_POOL_CAP,
  type SessionBuilder,
  type SessionCandidate,
  type SessionOutcome,
  type SessionSplitOptions,
  type TrackLookup,
} from '@tp2dg/data-loaders';
import type { Track } from '@tp2dg/entities';

/** Where the shortest prefix holding `wanted` distinct ids ends (the whole list if none does). */
function endOfDistinctPrefix(trackIds: readonly string[], wanted: number): number {
  if (trackIds.length <= wanted) return trackIds.length;
  const seen = new Set<string>();
  for (let index = 0; index < trackIds.length; index++) {
    seen.add(trackIds[index] as string);
    if (seen.size === wanted) return index + 1;
  }
  return trackIds.length;
}

/**
 * `builder.build`, but on the part of a long session that can matter. The shared builder
 * keeps the first profileSize + pool-cap usable distinct tracks, so when a prefix with that
 * many distinct ids already fills profiling and pool, the rest of the day cannot change the
 * result; otherwise (unknown tracks in the prefix, or a skip) the whole session is built.
 * A heavy listener's day of hundreds of plays then costs the lookups of a few dozen.
 */
export function buildBoundedSession(
  builder: SessionBuilder,
  candidate: SessionCandidate,
  lookupTrack: TrackLookup,
  split: SessionSplitOptions,
): SessionOutcome {
  const wanted = split.profileSize + (split.poolSize ?? DEFAULT_POOL_CAP);
  const end = endOfDistinctPrefix(candidate.trackIds, wanted);
  if (end === candidate.trackIds.length) return builder.build(candidate, lookupTrack);
  const prefix = builder.build({ ...candidate, trackIds: candidate.trackIds.slice(0, end) }, lookupTrack);
  if (prefix.kind === 'session') {
    const { profiling_tracks, pool_tracks } = prefix.session;
    if (profiling_tracks.length + pool_tracks.length === wanted) return prefix;
  }
  return builder.build(candidate, lookupTrack);
}

/** A track the caller may change: catalogue tracks are shared between sessions. */
export const copyTrack = (track: Track): Track => ({ ...track, tags: [...track.tags] });
