import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusLicences } from './licences.js';
import { createFixtureDirectory, removeFixtureDirectories } from './test-support/fixture-files.js';
import { writeLfm1bFixture } from './test-support/lfm1b-fixture.js';
import { idsOf, readLastfm } from './test-support/read-loader.js';
import { writeSyntheticLfm2b } from './test-support/synthetic-log.js';

afterAll(removeFixtureDirectories);

describe('lastfm loader over LFM-1b', () => {
  it('should make per-day sessions with the paper ids, sorted, deduplicated, unknown tracks dropped', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const { sessions, skipped, loader } = await readLastfm(dir);
    expect(loader.layout).toBe('lfm-1b');
    expect(sessions.map((session) => session.session_id)).toEqual(['31__2013-01-05', '77__2013-01-05']);
    // 10 11 12 (99 unknown) 10 (replay) 13 14: five distinct known tracks, in time order.
    expect(idsOf(sessions[0])).toEqual(['10', '11', '12', '13', '14']);
    expect(sessions[0]?.profiling_tracks.map((track) => track.title)).toEqual(['First', 'Side\tB']);
    expect(sessions[0]?.pool_tracks[0]).toEqual({
      track_id: '12',
      title: '"Quoted" Title',
      artist: 'Two "Twos"',
      tags: [],
    });
    expect(skipped).toEqual([
      {
        sessionId: '31__2013-01-06',
        reason: expect.stringMatching(/^session "31__2013-01-06" has 2 distinct tracks/),
      },
    ]);
  });

  it('should give users their corpus facts with provenance, and an unknown user nulls', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const { sessions } = await readLastfm(dir);
    expect(sessions[0]?.user).toEqual({
      user_id: '31',
      age: 27, // the fixture's age column
      age_group: '20s',
      gender: 'male',
      country: 'AT',
      country_name: 'Austria',
      preferred_language: null,
      provenance: {
        age: 'corpus',
        age_group: 'corpus',
        gender: 'corpus',
        country: 'corpus',
        preferred_language: 'unknown',
      },
    });
    expect(sessions[0]?.session_date).toBe('2013-01-05');
    expect(sessions[1]?.user).toMatchObject({
      user_id: '77',
      age: null,
      age_group: null,
      gender: null,
      country: null,
      country_name: null,
    });
    expect(sessions[1]?.user.provenance?.country).toBe('unknown');
  });

  it('should cut sessions at a silence with sessionGap, crossing midnight', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const { sessions } = await readLastfm(dir, { sessionGap: '30' }, { profileSize: 1 });
    expect(sessions.map((session) => session.session_id)).toEqual([
      '31__2013-01-05T10:00:00Z',
      '31__2013-01-05T23:59:00Z',
    ]);
    expect(idsOf(sessions[1])).toEqual(['14', '10', '11']);
  });

  it('should report each skipped session once over two passes', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const { loader, skipped } = await readLastfm(dir);
    for await (const _ of loader.sessions()) {
      // A second pass must not report the same skips again.
    }
    expect(skipped).toHaveLength(1);
    expect(loader.skippedRows()).toEqual([]);
  });

  it('should count a bad row once per pass, not once per pass so far', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const events = path.join(dir, 'LFM-1b_LEs.txt');
    await appendFile(events, '77\t1\t1\t15\n');
    const { loader } = await readLastfm(dir);
    for await (const _ of loader.sessions()) {
      // Read again: the counts describe the last pass.
    }
    expect(loader.skippedRows()).toEqual([
      {
        file: events,
        reason: 'row has fewer than 5 fields (a cut-off or malformed line)',
        count: 1,
        firstLine: 13,
      },
    ]);
  });
});

describe('lastfm loader over LFM-2b', () => {
  it('should read a gzip corpus with headers and cap the pool', async () => {
    const dir = await createFixtureDirectory();
    await writeSyntheticLfm2b(dir, { users: 2, days: 3, tracksPerDay: 10, tracks: 30, compression: '.gz' });
    const { sessions, loader } = await readLastfm(dir, {}, { profileSize: 5, poolSize: 3 });
    expect(sessions).toHaveLength(6);
    expect(sessions[0]?.session_id).toBe('1000__2019-01-07');
    expect(sessions[0]?.profiling_tracks[0]).toMatchObject({
      track_id: '0',
      title: 'Song 0',
      artist: 'Artist 0',
    });
    expect(sessions.every((session) => session.pool_tracks.length === 3)).toBe(true);
    expect(sessions[3]?.session_id).toBe('1001__2019-01-07');
    expect(sessions[3]?.user).toMatchObject({ country: 'US', age_group: '20s', gender: 'male' });
    expect(loader.licences).toEqual([corpusLicences['lfm-2b']]);
  });

  it('should keep only the sessions the shared filters select', async () => {
    const dir = await createFixtureDirectory();
    await writeSyntheticLfm2b(dir, { users: 3, days: 3, tracksPerDay: 8, tracks: 30 });
    const { sessions } = await readLastfm(dir, {
      users: '1001,1002',
      dateFrom: '2019-01-08',
      dateTo: '2019-01-08',
    });
    expect(sessions.map((session) => session.session_id)).toEqual(['1001__2019-01-08', '1002__2019-01-08']);
  });
});
