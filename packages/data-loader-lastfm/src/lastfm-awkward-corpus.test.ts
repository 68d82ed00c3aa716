import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLastfmDataLoader } from './create-lastfm-loader.js';
import {
  compress,
  createFixtureDirectory,
  removeFixtureDirectories,
  writeTable,
} from './test-support/fixture-files.js';
import { unixSeconds, writeLfm1bFixture } from './test-support/lfm1b-fixture.js';
import { failureOf, idsOf, readLastfm } from './test-support/read-loader.js';
import { writeSyntheticLfm2b } from './test-support/synthetic-log.js';

afterAll(removeFixtureDirectories);

describe('lastfm loader on awkward corpora', () => {
  it('should skip a day whose tracks are all unknown, saying they were dropped', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const events = path.join(dir, 'LFM-1b_LEs.txt');
    const unknownDay = [90, 91, 92, 93].map((track, minute) => [
      '88',
      '1',
      '1',
      String(track),
      unixSeconds(9, 10, minute),
    ]);
    await writeFile(
      events,
      (await readFile(events, 'utf8')) + unknownDay.map((row) => row.join('\t')).join('\n'),
    );
    const { sessions, skipped } = await readLastfm(dir);
    expect(sessions.map((session) => session.session_id)).not.toContain('88__2013-01-09');
    expect(skipped.map((skip) => skip.reason)).toContainEqual(
      'session "88__2013-01-09" has 0 distinct tracks; needs at least 3 (2 profiling + 1 pool), after dropping 4 unknown or incomplete track(s)',
    );
  });

  it('should fail mid-read on a truncated gzip log, naming the file, after the sessions before it', async () => {
    const dir = await createFixtureDirectory();
    await writeSyntheticLfm2b(dir, { users: 30, days: 4, tracksPerDay: 40, tracks: 200, compression: '.gz' });
    const events = path.join(dir, 'listening-events.tsv.gz');
    const whole = await readFile(events);
    await writeFile(events, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const loader = await createLastfmDataLoader({ profileSize: 2, sourceOptions: { dir } });
    const yielded: string[] = [];
    const reading = (async () => {
      for await (const session of loader.sessions()) yielded.push(session.session_id);
    })();
    const error = await failureOf(reading);
    expect(error.message).toMatch(
      new RegExp(`^${events}: the gzip stream is damaged or truncated after line \\d+`),
    );
    expect(yielded.length).toBeGreaterThan(0);
    expect(yielded.length).toBeLessThan(120);
  });

  it('should fail on a truncated bzip2 log, naming the file', async () => {
    const dir = await createFixtureDirectory();
    await writeSyntheticLfm2b(dir, {
      users: 30,
      days: 4,
      tracksPerDay: 40,
      tracks: 200,
      compression: '.bz2',
    });
    const events = path.join(dir, 'listening-events.tsv.bz2');
    const whole = await readFile(events);
    await writeFile(events, whole.subarray(0, Math.floor(whole.length * 0.6)));
    // Worded by whichever decoder ran: the system bzip2, or the in-process one where there is none.
    const { message } = await failureOf(readLastfm(dir));
    expect(message.startsWith(`${events}: `)).toBe(true);
    expect(message).toContain('the file is damaged or truncated');
  });

  it('should read Windows line ends and a headerless LFM-2b events file by the layout order', async () => {
    const dir = await createFixtureDirectory();
    const rows = [0, 1, 2].map((track) => ['5', String(track), '0', `2014-05-07 17:3${track}:03`]);
    await writeFile(
      path.join(dir, 'listening-events.tsv.gz'),
      compress(`${rows.map((row) => row.join('\t')).join('\r\n')}\r\n`, '.gz'),
    );
    await writeTable(dir, 'tracks.tsv', [
      ['0', 'A', 'Zero'],
      ['1', 'B', 'One'],
      ['2', 'C', 'Two'],
    ]);
    const { sessions } = await readLastfm(dir);
    expect(sessions[0]?.session_id).toBe('5__2014-05-07');
    expect(idsOf(sessions[0])).toEqual(['0', '1', '2']);
    expect(sessions[0]?.pool_tracks[0]).toMatchObject({ title: 'Two', artist: 'C' });
  });

  it('should refuse to read after close()', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const { loader } = await readLastfm(dir);
    await loader.close?.();
    await expect(loader.sessions()[Symbol.asyncIterator]().next()).rejects.toThrow(/closed/);
  });
});
