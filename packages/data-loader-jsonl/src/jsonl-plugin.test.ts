import type { SkippedSession } from '@tp2dg/data-loaders';
import { type Session, Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonlDataLoader } from './jsonl-plugin.js';
import {
  createFixtureDirectory,
  header,
  ids,
  inlineSession,
  removeFixtures,
  track,
  user,
  writeLines,
} from './test-support/jsonl-fixtures.js';

afterAll(removeFixtures);

async function read(dataDir: string, sourceOptions: Record<string, unknown> = {}, profileSize = 2) {
  const skipped: SkippedSession[] = [];
  const loader = await jsonlDataLoader.create({
    dataDir,
    profileSize,
    sourceOptions,
    onSkip: (skip) => skipped.push(skip),
  });
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return { sessions, skipped, loader };
}

async function creationError(
  dataDir: string,
  sourceOptions: Record<string, unknown> = {},
): Promise<Tp2dgError> {
  const error = await read(dataDir, sourceOptions).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

describe('jsonl loader on awkward lines', () => {
  it('should keep quotes, tabs and unicode in names and leave missing optional fields absent', async () => {
    const dataDir = await createFixtureDirectory();
    const odd = track('x1', { title: 'Say "Hi"\tTonight', artist: 'Sigur Rós', album: null });
    await writeLines(dataDir, 'sessions.jsonl', [
      header(),
      { session_id: 's1', user: { user_id: 42 }, tracks: [odd, track('x2'), track('x3')] },
    ]);
    const { sessions } = await read(dataDir);
    expect(sessions[0]?.profiling_tracks[0]).toEqual({
      track_id: 'x1',
      title: 'Say "Hi"\tTonight',
      artist: 'Sigur Rós',
      tags: [],
    });
    expect(sessions[0]?.user).toMatchObject({ user_id: '42', age_group: null, country: null });
    expect(sessions[0]?.user.provenance?.country).toBe('unknown');
  });

  it('should skip and count bad lines, naming file and line, and go on with the good ones', async () => {
    const dataDir = await createFixtureDirectory();
    const filePath = await writeLines(
      dataDir,
      'sessions.jsonl',
      [
        header(),
        inlineSession('ok1', 'u1', ids('a', 4)),
        '',
        '{"session_id": "broken", "user": ',
        { session_id: 'no-user', tracks: [] },
        { session_id: 'empty', user: user('u1'), tracks: [] },
        inlineSession('ok1', 'u2', ids('b', 4)),
        { session_id: 'both', user: user('u1'), tracks: [], track_ids: [] },
        inlineSession('ok2', 'u2', ids('c', 3)),
        '{"session_id": "cut", "user": {"user_id": "u9"}, "tracks": [{"track_id": "z1", "ti',
      ],
      { finalNewline: false },
    );
    const { sessions, skipped } = await read(dataDir);
    expect(sessions.map((session) => session.session_id)).toEqual(['ok1', 'ok2']);
    expect(skipped.map((skip) => skip.sessionId)).toEqual([
      `${filePath}:4`,
      `${filePath}:5`,
      'empty',
      `${filePath}:7`,
      `${filePath}:8`,
      `${filePath}:10`,
    ]);
    expect(skipped[0]?.reason).toContain('not valid JSON');
    expect(skipped[1]?.reason).toContain('"user" is required');
    expect(skipped[2]?.reason).toContain('has 0 distinct tracks');
    expect(skipped[3]?.reason).toContain('session_id "ok1" is already on line 2');
    expect(skipped[4]?.reason).toContain('either "tracks"');
  });

  it('should stop at the first bad line with strict=true, naming the file, line and fix', async () => {
    const dataDir = await createFixtureDirectory();
    const filePath = await writeLines(dataDir, 'sessions.jsonl', [
      header(),
      inlineSession('ok1', 'u1', ids('a', 4)),
      '{not json',
    ]);
    const skipped: SkippedSession[] = [];
    const loader = await jsonlDataLoader.create({
      dataDir,
      profileSize: 2,
      sourceOptions: { strict: 'true' },
      onSkip: (skip) => skipped.push(skip),
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const session of loader.sessions()) seen.push(session.session_id);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['ok1']);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect((error as Error).message).toMatch(new RegExp(`^${filePath}:3: not valid JSON .*strict=true`));
  });

  it('should drop unknown ids of the side file and report bad track lines once', async () => {
    const dataDir = await createFixtureDirectory();
    const tracksPath = await writeLines(dataDir, 'tracks.jsonl', [
      ...ids('t', 4).map((trackId) => track(trackId)),
      { track_id: 't2', title: 'again', artist: 'x' },
      { track_id: 't9', title: 'no artist' },
    ]);
    await writeLines(dataDir, 'sessions.jsonl', [
      header({ tracks_file: 'tracks.jsonl' }),
      { session_id: 's1', user: user('u1'), track_ids: ['t1', 'ghost', 't2', 't1', 't3', 't4'] },
      { session_id: 's2', user: user('u1'), track_ids: ['ghost', 't9', 't1', 't2'] },
    ]);
    const first = await read(dataDir, {}, 2);
    expect(first.sessions.map((s) => s.pool_tracks.map((t) => t.track_id))).toEqual([['t3', 't4']]);
    expect(first.skipped.map((skip) => skip.sessionId)).toEqual([`${tracksPath}:5`, `${tracksPath}:6`, 's2']);
    expect(first.skipped[2]?.reason).toContain('after dropping 2 unknown or incomplete track(s)');
    for await (const _ of first.loader.sessions()) {
      // A second pass reports nothing new.
    }
    expect(first.skipped).toHaveLength(3);
  });

  it('should refuse a missing header, another version and a missing file before reading sessions', async () => {
    const dataDir = await createFixtureDirectory();
    await writeLines(dataDir, 'sessions.jsonl', [inlineSession('s1', 'u1', ids('a', 3))]);
    expect((await creationError(dataDir)).message).toContain(':1: not a tp2dg-sessions header');
    await writeLines(dataDir, 'v2.jsonl', [header({ version: 2 })]);
    expect((await creationError(dataDir, { file: 'v2.jsonl' })).message).toContain(
      'version 2, but this loader reads version 1',
    );
    expect((await creationError(dataDir, { file: 'nope.jsonl' })).message).toContain(
      'sessions file not found',
    );
    expect((await creationError(dataDir, { strict: 'maybe' })).message).toContain(
      'Data loader "jsonl": option "strict"',
    );
  });

  it('should read a gzip file and filter by date and user', async () => {
    const dataDir = await createFixtureDirectory();
    await writeLines(dataDir, 'sessions.jsonl.gz', [
      header({ corpus: 'zipped' }),
      { ...inlineSession('s1', 'u1', ids('a', 3)), date: '2019-01-01' },
      { ...inlineSession('s2', 'u2', ids('b', 3)), date: '2019-01-02' },
      { ...inlineSession('s3', 'u1', ids('c', 3)), date: '2019-02-01' },
    ]);
    const { sessions, loader } = await read(dataDir, {
      file: 'sessions.jsonl.gz',
      users: 'u1',
      dateTo: '2019-01-31',
    });
    expect(sessions.map((session) => session.session_id)).toEqual(['s1']);
    expect(loader.corpus).toBe('zipped');
  });
});
