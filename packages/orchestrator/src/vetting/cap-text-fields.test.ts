import type { Session, Track } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { capTextFields } from './cap-text-fields.js';

const track = (id: string, fields: Partial<Track> = {}): Track => ({
  track_id: id,
  title: 'Night Swim',
  artist: 'Lumen',
  tags: ['dream pop'],
  ...fields,
});

const session = (tracks: Track[]): Session => ({
  session_id: 's1',
  user: {
    user_id: 'u1',
    age: null,
    age_group: '25-34',
    gender: null,
    country: 'x'.repeat(12),
    country_name: null,
    preferred_language: 'en',
  },
  profiling_tracks: tracks.slice(0, 1),
  pool_tracks: tracks.slice(1),
});

const limits = { maxTextChars: 10, maxLyricsChars: 20 };

describe('capTextFields', () => {
  it('should cut every text field over its cap, lyrics at their own cap, and list them', () => {
    const input = session([
      track('t1', { title: 'T'.repeat(11), tags: ['short', 'a very long tag'] }),
      track('t2', { lyrics: 'L'.repeat(25), album: 'A'.repeat(10) }),
    ]);
    const { session: capped, overCap } = capTextFields(input, limits);
    expect(capped.profiling_tracks[0]?.title).toBe('T'.repeat(10));
    expect(capped.profiling_tracks[0]?.tags).toEqual(['short', 'a very lon']);
    expect(capped.pool_tracks[0]?.lyrics).toBe('L'.repeat(20));
    expect(capped.pool_tracks[0]?.album).toBe('A'.repeat(10));
    expect(capped.user.country).toBe('x'.repeat(10));
    expect(overCap).toEqual([
      { owner: 'user "u1"', field: 'country', length: 12, cap: 10, option: '--max-text-chars' },
      { owner: 'track "t1"', field: 'tags[1]', length: 15, cap: 10, option: '--max-text-chars' },
      { owner: 'track "t1"', field: 'title', length: 11, cap: 10, option: '--max-text-chars' },
      { owner: 'track "t2"', field: 'lyrics', length: 25, cap: 20, option: '--max-lyrics-chars' },
    ]);
  });

  it('should leave ids whole, the input untouched and null demographics null', () => {
    const longId = 'i'.repeat(50);
    const input = session([track(longId), track('t2')]);
    const before = structuredClone(input);
    const { session: capped, overCap } = capTextFields(input, limits);
    expect(capped.profiling_tracks[0]?.track_id).toBe(longId);
    expect(capped.user.gender).toBeNull();
    expect(input).toEqual(before);
    expect(overCap.map((field) => field.field)).toEqual(['country']);
  });

  it('should never keep half of a surrogate pair', () => {
    const input = session([track('t1', { title: `${'a'.repeat(9)}🎵tail` }), track('t2')]);
    expect(capTextFields(input, limits).session.profiling_tracks[0]?.title).toBe('a'.repeat(9));
  });
});
