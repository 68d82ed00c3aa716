import { type Session, Tp2dgError, type Track, type UserDemographics } from '@tp2dg/entities';
import type { SessionSplitOptions, SkippedSession } from '../spec/v1/index.js';
import { isSessionSampled } from './is-session-sampled.js';
import {
  DEFAULT_POOL_CAP,
  type SessionBuildingOptions,
  SessionBuildingOptionsSchema,
} from './session-building-options.js';
import { assertSplitOptions, describeTooShort, effectiveMinPool } from './split-session.js';

/** What a loader found for one session, before any cleaning. */
export interface SessionCandidate {
  sessionId: string;
  user: UserDemographics;
  /** In listening or playlist order; repeats, unknown ids and incomplete tracks allowed. */
  trackIds: readonly string[];
  /** The session's day as YYYY-MM-DD (UTC), when the corpus has one: its `session_date`, and what the date filters use. */
  date?: string;
}

/** Enough of a session to decide on sampling and filters before its tracks are gathered. */
export interface SessionHeader {
  sessionId: string;
  userId: string;
  date?: string;
}

/**
 * `session`: yield it. `skipped`: report it through onSkip (too short once cleaned).
 * `excluded`: left out by sampling or a filter the user asked for; not reported.
 */
export type SessionOutcome =
  | { kind: 'session'; session: Session }
  | { kind: 'skipped'; skipped: SkippedSession }
  | { kind: 'excluded' };

/** The corpus's track for an id, or undefined when the id is unknown. */
export type TrackLookup = (trackId: string) => Track | undefined;

export interface SessionBuilder {
  /** Whether sampling and the filters keep this session; cheap, so call it first. */
  selects(header: SessionHeader): boolean;
  /** Cleans and splits a candidate; tracks are returned as the lookup gave them, not copied. */
  build(candidate: SessionCandidate, lookupTrack: TrackLookup): SessionOutcome;
}

export interface SessionBuilderOptions extends SessionSplitOptions {
  /** The shared options, parsed (see `parseLoaderOptions`); all defaults when absent. */
  building?: SessionBuildingOptions;
}

/** A track the Listener and Recsys can talk about: it has a title and an artist. */
function isUsable(track: Track | undefined): track is Track {
  return track !== undefined && track.title.trim().length > 0 && track.artist.trim().length > 0;
}

/**
 * The session building every loader shares: filters and sampling first, then unknown and
 * incomplete tracks are dropped, repeats removed, and what is left split into profiling
 * and pool. Dropping comes before counting so the sizes hold for the tracks actually sent.
 * Throws INVALID_ARGUMENT on a bad profileSize or poolSize.
 */
export function createSessionBuilder(options: SessionBuilderOptions): SessionBuilder {
  assertSplitOptions(options);
  const building = options.building ?? SessionBuildingOptionsSchema.parse({});
  const users = building.users === undefined ? undefined : new Set(building.users);
  const poolCap = options.poolSize ?? DEFAULT_POOL_CAP;
  const minPool = effectiveMinPool({ ...options, minPool: building.minPool });
  if (minPool > poolCap) {
    // Every session would be skipped, one by one: say so before any is read.
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `Pools must hold at least ${minPool} tracks (minPool, else minPoolSize: tp2dg-generate's --turns) but are capped at ${poolCap} (poolSize, --pool-size): every session would be skipped. Lower the first or raise the cap.`,
    );
  }
  const enough = options.profileSize + poolCap;
  const selects = ({ sessionId, userId, date }: SessionHeader): boolean => {
    if (users !== undefined && !users.has(userId)) return false;
    if (building.dateFrom !== undefined || building.dateTo !== undefined) {
      if (date === undefined) return false;
      if (building.dateFrom !== undefined && date < building.dateFrom) return false;
      if (building.dateTo !== undefined && date > building.dateTo) return false;
    }
    return isSessionSampled(building.sampleSeed, sessionId, building.sample);
  };
  return {
    selects,
    build(candidate, lookupTrack) {
      const header = { sessionId: candidate.sessionId, userId: candidate.user.user_id, date: candidate.date };
      if (!selects(header)) return { kind: 'excluded' };
      // Distinct usable tracks in first-heard order; one pass, as this runs for every session of a corpus.
      const tracks = new Map<string, Track>();
      let withRepeats = 0;
      let dropped = 0;
      for (const trackId of candidate.trackIds) {
        if (tracks.has(trackId)) {
          withRepeats += 1;
          continue;
        }
        // Enough for profiling and a full pool: the rest cannot change the split.
        if (tracks.size === enough) break;
        const track = lookupTrack(trackId);
        if (!isUsable(track)) {
          dropped += 1;
          continue;
        }
        tracks.set(trackId, track);
        withRepeats += 1;
      }
      const split = { ...options, minPool };
      if (tracks.size < options.profileSize + minPool) {
        const droppedNote = dropped > 0 ? `, after dropping ${dropped} unknown or incomplete track(s)` : '';
        const reason = `session "${candidate.sessionId}" ${describeTooShort(tracks.size, withRepeats, split)}${droppedNote}`;
        return { kind: 'skipped', skipped: { sessionId: candidate.sessionId, reason } };
      }
      const distinct = [...tracks.values()];
      return {
        kind: 'session',
        session: {
          session_id: candidate.sessionId,
          session_date: candidate.date ?? null,
          user: candidate.user,
          profiling_tracks: distinct.slice(0, options.profileSize),
          pool_tracks: distinct.slice(options.profileSize, enough),
        },
      };
    },
  };
}
