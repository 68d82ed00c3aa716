import type { Track, UserDemographics } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createSessionBuilder, type SessionCandidate } from './build-session.js';
import { SessionBuildingOptionsSchema } from './session-building-options.js';

const user: UserDemographics = {
  user_id: 'u1',
  age: 24,
  age_group: '20s',
  gender: 'f',
  country: 'BR',
  country_name: 'Brazil',
  preferred_language: 'pt',
};
const track = (trackId: string, title = `Title ${trackId}`): Track => ({
  track_id: trackId,
  title,
  artist: 'Artist',
  tags: [],
});
const catalogue = new Map(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id, track(id)]));
catalogue.set('untitled', track('untitled', '  '));
const lookup = (trackId: string) => catalogue.get(trackId);
const candidate = (trackIds: string[], extra: Partial<SessionCandidate> = {}): SessionCandidate => ({
  sessionId: 's1',
  user,
  trackIds,
  ...extra,
});
const building = (options: Record<string, unknown>) => SessionBuildingOptionsSchema.parse(options);

describe('createSessionBuilder', () => {
  it('should drop unknown and untitled tracks and repeats before splitting', () => {
    const builder = createSessionBuilder({ profileSize: 2 });
    const outcome = builder.build(candidate(['a', 'zz', 'b', 'a', 'untitled', 'c', 'b', 'd']), lookup);
    expect(outcome.kind).toBe('session');
    if (outcome.kind !== 'session') return;
    expect(outcome.session.profiling_tracks.map((item) => item.track_id)).toEqual(['a', 'b']);
    expect(outcome.session.pool_tracks.map((item) => item.track_id)).toEqual(['c', 'd']);
    expect(outcome.session.user).toBe(user);
    expect(outcome.session.session_id).toBe('s1');
    expect(outcome.session.session_date).toBeNull();
  });

  it("should date a session with its candidate's day", () => {
    const outcome = createSessionBuilder({ profileSize: 1 }).build(
      candidate(['a', 'b'], { date: '2019-01-15' }),
      lookup,
    );
    expect(outcome.kind === 'session' && outcome.session.session_date).toBe('2019-01-15');
  });

  it('should skip a session that is too short once cleaned, saying how many tracks were dropped', () => {
    const builder = createSessionBuilder({ profileSize: 2 });
    const outcome = builder.build(candidate(['a', 'zz', 'untitled', 'b', 'a']), lookup);
    expect(outcome).toEqual({
      kind: 'skipped',
      skipped: {
        sessionId: 's1',
        reason:
          'session "s1" has 2 distinct tracks (3 with repeats); needs at least 3 (2 profiling + 1 pool), after dropping 2 unknown or incomplete track(s)',
      },
    });
  });

  it('should cap the pool at poolSize and honour minPool', () => {
    const capped = createSessionBuilder({ profileSize: 2, poolSize: 2 }).build(
      candidate([...'abcdefg']),
      lookup,
    );
    expect(capped.kind === 'session' && capped.session.pool_tracks.length).toBe(2);
    const strict = createSessionBuilder({ profileSize: 2, building: building({ minPool: 6 }) });
    expect(strict.build(candidate([...'abcdefg']), lookup).kind).toBe('skipped');
  });

  it("should take the run's minPoolSize as the smallest pool, unless minPool is given", () => {
    const sevenTracks = candidate([...'abcdefg']);
    const enough = createSessionBuilder({ profileSize: 2, minPoolSize: 5 }).build(sevenTracks, lookup);
    expect(enough.kind === 'session' && enough.session.pool_tracks.length).toBe(5);
    const short = createSessionBuilder({ profileSize: 2, minPoolSize: 6 }).build(sevenTracks, lookup);
    expect(short.kind === 'skipped' && short.skipped.reason).toContain(
      'needs at least 8 (2 profiling + 6 pool)',
    );
    const overridden = createSessionBuilder({
      profileSize: 2,
      minPoolSize: 6,
      building: building({ minPool: 2 }),
    });
    expect(overridden.build(sevenTracks, lookup).kind).toBe('session');
  });

  it('should refuse a smallest pool above the pool cap, which would skip every session', () => {
    expect(() => createSessionBuilder({ profileSize: 2, poolSize: 4, minPoolSize: 8 })).toThrow(
      /at least 8 tracks .* capped at 4/,
    );
    expect(() => createSessionBuilder({ profileSize: 2, minPoolSize: 40 })).toThrow(/capped at 32/);
  });

  it('should exclude, without a skip, sessions outside the user list or date range', () => {
    const builder = createSessionBuilder({
      profileSize: 1,
      building: building({ users: 'u1,u2', dateFrom: '2019-01-01', dateTo: '2019-01-31' }),
    });
    expect(builder.build(candidate(['a', 'b'], { date: '2019-01-15' }), lookup).kind).toBe('session');
    expect(builder.build(candidate(['a', 'b'], { date: '2019-01-31' }), lookup).kind).toBe('session');
    expect(builder.build(candidate(['a', 'b'], { date: '2019-02-01' }), lookup).kind).toBe('excluded');
    expect(builder.build(candidate(['a', 'b'], { date: '2018-12-31' }), lookup).kind).toBe('excluded');
    expect(builder.build(candidate(['a', 'b']), lookup).kind).toBe('excluded');
    const stranger = { ...user, user_id: 'u3' };
    expect(builder.build(candidate(['a', 'b'], { user: stranger, date: '2019-01-15' }), lookup).kind).toBe(
      'excluded',
    );
  });

  it('should sample by session id alone, so selects() and build() agree', () => {
    const builder = createSessionBuilder({
      profileSize: 1,
      building: building({ sample: 0.5, sampleSeed: 3 }),
    });
    const ids = Array.from({ length: 200 }, (_, index) => `s${index}`);
    const selected = ids.filter((sessionId) => builder.selects({ sessionId, userId: 'u1' }));
    const built = ids.filter(
      (sessionId) => builder.build(candidate(['a', 'b'], { sessionId }), lookup).kind === 'session',
    );
    expect(built).toEqual(selected);
    expect(selected.length).toBeGreaterThan(70);
    expect(selected.length).toBeLessThan(130);
  });

  it('should reject a profileSize below 1', () => {
    expect(() => createSessionBuilder({ profileSize: 0 })).toThrow(/profileSize must be an integer >= 1/);
  });
});
