import { readFile, truncate } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import type { SkippedSession } from '../spec/v1/index.js';
import {
  createTemporaryCorpus,
  dummyCorpusDir,
  editCorpusRecord,
  removeTemporaryDirectories,
} from '../test-support/temporary-corpus.js';
import { describeDataLoaderConformance } from '../testing/describe-data-loader-conformance.js';
import { referenceDataLoader } from './reference-plugin.js';

afterAll(removeTemporaryDirectories);

describeDataLoaderConformance('reference over the bundled corpus (@tp2dg/data-dummy)', async () => ({
  plugin: referenceDataLoader,
  options: { dataDir: dummyCorpusDir, profileSize: 5, poolSize: 8 },
}));

describeDataLoaderConformance('reference over a synthetic corpus of 31-track sessions', async () => ({
  plugin: referenceDataLoader,
  options: {
    dataDir: await createTemporaryCorpus({ users: 3, tracks: 40, sessions: 4, tracksPerSession: 31 }),
    profileSize: 5,
  },
}));

async function readSessions(dataDir: string, profileSize: number, poolSize?: number) {
  const skipped: SkippedSession[] = [];
  const loader = await referenceDataLoader.create({
    dataDir,
    profileSize,
    poolSize,
    onSkip: (s) => skipped.push(s),
  });
  const sessions = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return { loader, sessions, skipped };
}

describe('reference loader', () => {
  it('should take the first profileSize tracks as profiling and the rest, in order, as the pool', async () => {
    const dataDir = await createTemporaryCorpus({ tracksPerSession: 31, tracks: 40 });
    const playlist = JSON.parse(await readFile(path.join(dataDir, 'playlists.json'), 'utf8')).sessions[0];
    const { sessions } = await readSessions(dataDir, 5);
    const [session] = sessions;
    expect(session?.profiling_tracks.map((track) => track.track_id)).toEqual(playlist.track_ids.slice(0, 5));
    expect(session?.pool_tracks.map((track) => track.track_id)).toEqual(playlist.track_ids.slice(5));
    expect(session?.pool_tracks).toHaveLength(26);
  });

  it("should date a session by its session_date, else by its id's day, and name the user's country", async () => {
    const dataDir = await createTemporaryCorpus({ sessions: 2 });
    await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      record.session_id = 'listener__2019-01-07';
    });
    await editCorpusRecord(dataDir, 'playlists.json', 1, (record) => {
      record.session_date = '2020-05-31';
    });
    await editCorpusRecord(dataDir, 'users.json', 0, (record) => {
      Object.assign(record, { age: 23, country: 'br' });
    });
    const { sessions } = await readSessions(dataDir, 2);
    expect(sessions.map((session) => session.session_date)).toEqual(['2019-01-07', '2020-05-31']);
    const user = sessions.find((session) => session.user.user_id === 'u01')?.user;
    expect(user).toMatchObject({ age: 23, country: 'br', country_name: 'Brazil' });
    expect(user?.provenance?.age).toBe('corpus');
  });

  it('should refuse a session_date that is not a day on the calendar, naming the record', async () => {
    const dataDir = await createTemporaryCorpus();
    await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      record.session_date = '2019-02-30';
    });
    await expect(readSessions(dataDir, 2)).rejects.toThrow(/playlists\.json: sessions\[0\].*session_date/);
  });

  it('should cap the pool at poolSize, keeping the earliest tracks', async () => {
    const dataDir = await createTemporaryCorpus({ tracksPerSession: 31, tracks: 40 });
    const { sessions: capped } = await readSessions(dataDir, 5, 8);
    const { sessions: full } = await readSessions(dataDir, 5);
    expect(capped[0]?.pool_tracks).toHaveLength(8);
    expect(capped[0]?.pool_tracks).toEqual(full[0]?.pool_tracks.slice(0, 8));
  });

  it('should put the genre first among the tags without repeating it', async () => {
    const dataDir = await createTemporaryCorpus();
    await editCorpusRecord(dataDir, 'tracks.json', 0, (record) => {
      Object.assign(record, { genre: 'Jazz', tags: ['calm', 'jazz', 'piano'] });
    });
    const { sessions } = await readSessions(dataDir, 2);
    const track = sessions
      .flatMap((s) => [...s.profiling_tracks, ...s.pool_tracks])
      .find((t) => t.track_id === 't001');
    expect(track?.tags).toEqual(['Jazz', 'calm', 'piano']);
  });

  it('should emit absolute media paths inside the corpus directory', async () => {
    const { sessions, loader } = await readSessions(dummyCorpusDir, 5, 8);
    const track = sessions[0]?.profiling_tracks[0];
    expect(track?.audio_path).toBe(path.join(dummyCorpusDir, 'audio', `${track?.track_id}.wav`));
    expect(track?.image_path).toBe(path.join(dummyCorpusDir, 'images', `${track?.track_id}.png`));
    expect(loader.corpus).toBe('dummy');
  });

  it('should skip a session too short for profiling plus one pool track, through onSkip', async () => {
    const dataDir = await createTemporaryCorpus();
    await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      const trackIds = record.track_ids as string[];
      record.track_ids = [...trackIds.slice(0, 3), trackIds[0]];
    });
    const { sessions, skipped, loader } = await readSessions(dataDir, 3);
    expect(sessions).toHaveLength(2);
    expect(await loader.count?.()).toBe(2);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(/has 3 distinct tracks \(4 with repeats\); needs at least 4/);
    for await (const _ of loader.sessions()) {
      // A second pass must not report the same skip again.
    }
    expect(skipped).toHaveLength(1);
  });

  it('should accept numeric ids and emit them as strings', async () => {
    const dataDir = await createTemporaryCorpus({ users: 1, sessions: 1 });
    await editCorpusRecord(dataDir, 'users.json', 0, (record) => {
      Object.assign(record, { user_id: 4242 });
    });
    await editCorpusRecord(dataDir, 'playlists.json', 0, (record) => {
      Object.assign(record, { user_id: 4242, session_id: 17 });
    });
    const { sessions } = await readSessions(dataDir, 2);
    expect(sessions[0]?.user.user_id).toBe('4242');
    expect(sessions[0]?.session_id).toBe('17');
  });

  it('should take the shared session-building options from sourceOptions', async () => {
    const all = (await readSessions(dummyCorpusDir, 5)).sessions;
    const firstUser = all[0]?.user.user_id as string;
    const loader = await referenceDataLoader.create({
      dataDir: dummyCorpusDir,
      profileSize: 5,
      sourceOptions: { users: firstUser },
    });
    const kept = [];
    for await (const session of loader.sessions()) kept.push(session.session_id);
    const expected = all.filter((session) => session.user.user_id === firstUser).map((s) => s.session_id);
    expect(kept).toEqual(expected);
    expect(kept.length).toBeLessThan(all.length);
    expect(await loader.count?.()).toBe(kept.length);
  });

  it('should refuse an unknown source option, naming the loader', async () => {
    const created = referenceDataLoader.create({
      dataDir: dummyCorpusDir,
      profileSize: 5,
      sourceOptions: { minPool: 'many' },
    });
    await expect(created).rejects.toThrow(/^Data loader "reference": option "minPool"/);
  });

  it('should declare licence terms the run manifest can copy', () => {
    expect(referenceDataLoader.licence).toMatchObject({ commercialUse: false, redistribution: false });
    expect(referenceDataLoader.licence?.summary).toContain('@tp2dg/data-dummy');
  });

  it('should require dataDir and say to pass --data', async () => {
    const error = await Promise.resolve(referenceDataLoader.create({ profileSize: 5 })).catch(
      (e: unknown) => e,
    );
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect((error as Error).message).toContain('--data DIR');
  });

  it('should read playlists.json as its sessions are taken, not whole before the first one', async () => {
    // About 400 KB of sessions: several read chunks.
    const dataDir = await createTemporaryCorpus({
      users: 4,
      tracks: 40,
      sessions: 2000,
      tracksPerSession: 12,
    });
    const playlistsFile = path.join(dataDir, 'playlists.json');
    const loader = await referenceDataLoader.create({ dataDir, profileSize: 5 });
    expect(await loader.count?.()).toBe(2000);
    const sessions = loader.sessions()[Symbol.asyncIterator]();
    expect((await sessions.next()).value?.session_id).toBeDefined();
    // Cut short while the first session is out: a loader that had read the file whole would
    // not notice; this one meets the cut when it reads on.
    await truncate(playlistsFile, 100_000);
    let taken = 1;
    const rest = (async () => {
      while (!(await sessions.next()).done) taken += 1;
    })();
    await expect(rest).rejects.toThrow(
      /playlists\.json: invalid JSON at line \d+, column \d+ \(Unexpected end of JSON input\)/,
    );
    expect(taken).toBeLessThan(2000);
  });

  it('should yield copies: a caller editing a session changes no other session nor a later read', async () => {
    const loader = await referenceDataLoader.create({ dataDir: dummyCorpusDir, profileSize: 5 });
    const first = [];
    for await (const session of loader.sessions()) {
      for (const track of [...session.profiling_tracks, ...session.pool_tracks]) {
        track.title = 'edited';
        track.tags.push('edited');
      }
      session.user.provenance = undefined;
      first.push(session);
    }
    const again = (await readSessions(dummyCorpusDir, 5)).sessions;
    const second = [];
    for await (const session of loader.sessions()) second.push(session);
    expect(second).toEqual(again);
    expect(second.flatMap((session) => session.pool_tracks).some((track) => track.title === 'edited')).toBe(
      false,
    );
    expect(second[0]?.user.provenance).toBeDefined();
  });

  it('should refuse to read after close()', async () => {
    const { loader } = await readSessions(dummyCorpusDir, 5);
    await loader.close?.();
    await expect(loader.sessions()[Symbol.asyncIterator]().next()).rejects.toThrow(/closed/);
  });
});
