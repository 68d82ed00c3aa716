import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SkippedSession } from '@tp2dg/data-loaders';
import { type Session, Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { mpdDataLoader } from './mpd-plugin.js';
import {
  createMpdDirectory,
  playlist,
  range,
  removeMpdDirectories,
  spotifyId,
  trackEntry,
  writeSlice,
} from './test-support/mpd-fixtures.js';

afterAll(removeMpdDirectories);

async function read(dir: string, sourceOptions: Record<string, unknown> = {}, profileSize = 2) {
  const skipped: SkippedSession[] = [];
  const loader = await mpdDataLoader.create({
    dataDir: dir,
    profileSize,
    sourceOptions,
    onSkip: (s) => skipped.push(s),
  });
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return { sessions, skipped, loader };
}

describe('mpd loader', () => {
  it('should read slices in the natural order of their ranges, tracks in pos order, with Spotify ids', async () => {
    const dir = await createMpdDirectory();
    await writeSlice(dir, 10000, 10999, [playlist(10000, range(1, 3))]);
    await writeSlice(dir, 2000, 2999, [playlist(2000, range(1, 3))]);
    const shuffled = playlist(900, []);
    shuffled.tracks = [trackEntry(3, 2), trackEntry(1, 0), trackEntry(2, 1)];
    await writeSlice(dir, 0, 999, [shuffled]);
    const { sessions } = await read(dir);
    expect(sessions.map((session) => session.session_id)).toEqual(['mpd-900', 'mpd-2000', 'mpd-10000']);
    const first = sessions[0];
    expect(first?.profiling_tracks.map((track) => track.track_id)).toEqual([spotifyId(1), spotifyId(2)]);
    expect(first?.pool_tracks[0]).toEqual({
      track_id: spotifyId(3),
      title: 'Song 3',
      artist: 'Artist 3',
      album: 'Album 3',
      tags: [],
    });
    expect(spotifyId(3)).toHaveLength(22);
  });

  it('should give each playlist its own user, with null demographics except the documented US', async () => {
    const dir = await createMpdDirectory();
    await writeSlice(dir, 0, 1, [playlist(0, range(1, 3)), playlist(1, range(1, 3))]);
    const { sessions } = await read(dir);
    expect(sessions[0]?.user).toEqual({
      user_id: 'mpd-owner-0',
      age: null,
      age_group: null,
      gender: null,
      country: 'US',
      country_name: 'United States of America',
      preferred_language: null,
      provenance: {
        age: 'unknown',
        age_group: 'unknown',
        gender: 'unknown',
        country: 'corpus-wide',
        preferred_language: 'unknown',
      },
    });
    expect(sessions[1]?.user.user_id).toBe('mpd-owner-1');
  });

  it('should drop entries with a bad uri or no name, skip empty playlists, and report broken records', async () => {
    const dir = await createMpdDirectory();
    const awkward = playlist(5, range(1, 4), { name: 'Tabs\there "quoted"', description: undefined });
    awkward.tracks.push(
      trackEntry(9, 4, { track_uri: 'spotify:local:abc' }),
      trackEntry(10, 5, { track_name: undefined }),
      trackEntry(1, 6),
    );
    const slice = await writeSlice(dir, 0, 999, [
      awkward,
      playlist(6, []),
      { name: 'no pid', tracks: [] },
      playlist(7, range(1, 2)),
      playlist(5, range(1, 5)),
    ]);
    const { sessions, skipped } = await read(dir);
    expect(sessions.map((s) => [s.session_id, s.pool_tracks.length])).toEqual([['mpd-5', 2]]);
    expect(skipped.map((skip) => skip.sessionId)).toEqual([
      'mpd-6',
      `${slice}: playlists[2]`,
      'mpd-7',
      `${slice}: playlists[4]`,
    ]);
    expect(skipped[1]?.reason).toContain('"pid" is required');
    expect(skipped[2]?.reason).toContain('has 2 distinct tracks; needs at least 3');
    expect(skipped[3]?.reason).toContain('pid 5 appears twice');
  });

  it('should keep quotes and tabs in names and leave a missing album absent', async () => {
    const dir = await createMpdDirectory();
    const odd = playlist(8, range(1, 3));
    odd.tracks[0] = trackEntry(1, 0, {
      track_name: 'Say "Hi"\tNow',
      artist_name: 'Sigur Rós',
      album_name: undefined,
    });
    await writeSlice(dir, 0, 999, [odd]);
    const { sessions } = await read(dir);
    expect(sessions[0]?.profiling_tracks[0]).toEqual({
      track_id: spotifyId(1),
      title: 'Say "Hi"\tNow',
      artist: 'Sigur Rós',
      tags: [],
    });
  });

  it('should skip a truncated slice and go on, or fail naming it with strict=true', async () => {
    const dir = await createMpdDirectory();
    const good = JSON.stringify({ info: {}, playlists: [playlist(0, range(1, 4))] }, null, 4);
    const truncated = await writeSlice(dir, 1000, 1999, good.slice(0, good.length / 2));
    await writeSlice(dir, 0, 999, good);
    const lenient = await read(dir);
    expect(lenient.sessions).toHaveLength(1);
    expect(lenient.skipped).toEqual([
      { sessionId: truncated, reason: expect.stringContaining('not valid JSON') },
    ]);
    const strict = await read(dir, { strict: 'true' }).catch((error: unknown) => error);
    expect(Tp2dgError.isInstance(strict) && strict.code).toBe('INVALID_INPUT');
    expect((strict as Error).message).toMatch(new RegExp(`^${truncated}: not valid JSON.*strict=true`));
  });

  it('should read the challenge set, whose playlists have seed tracks only', async () => {
    const dir = await createMpdDirectory();
    const challenge = {
      date: '2018-01-16 08:47:28.198015',
      version: 'v1',
      playlists: [
        {
          pid: 1000002,
          name: 'spanish playlist',
          num_tracks: 27,
          num_samples: 0,
          num_holdouts: 27,
          tracks: [],
        },
        {
          pid: 1000003,
          num_tracks: 30,
          num_samples: 5,
          num_holdouts: 25,
          tracks: range(1, 5).map((n, pos) => trackEntry(n, pos)),
        },
      ],
    };
    await writeFile(path.join(dir, 'challenge_set.json'), JSON.stringify(challenge));
    const { sessions, skipped, loader } = await read(dir, { set: 'challenge' });
    expect(loader.corpus).toBe('mpd-challenge');
    expect(sessions.map((session) => session.session_id)).toEqual(['mpd-1000003']);
    expect(skipped.map((skip) => skip.sessionId)).toEqual(['mpd-1000002']);
  });

  it('should filter by playlist date and refuse a directory without slices', async () => {
    const dir = await createMpdDirectory();
    await writeSlice(dir, 0, 2, [
      playlist(0, range(1, 3)),
      playlist(1, range(1, 3)),
      playlist(2, range(1, 3)),
    ]);
    const day = (pid: number) => new Date((1_500_000_000 + pid * 86_400) * 1000).toISOString().slice(0, 10);
    const { sessions } = await read(dir, { dateFrom: day(1), dateTo: day(1) });
    expect(sessions.map((session) => session.session_id)).toEqual(['mpd-1']);
    const empty = await createMpdDirectory();
    await expect(read(empty)).rejects.toThrow(/no mpd\.slice\.<first>-<last>\.json files here or in .*data/);
  });
});
