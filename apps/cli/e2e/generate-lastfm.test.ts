import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GENERATE, runNode, temporaryDirectory } from './support/run-command.js';

const table = (rows: string[][]) => `${rows.map((row) => row.join('\t')).join('\n')}\n`;

/** `YYYY-MM-DD HH:MM:SS` (UTC), as LFM-2b writes its timestamps. */
const at = (day: number, minute: number) =>
  new Date(Date.UTC(2012, 5, day, 20, minute)).toISOString().replace('T', ' ').slice(0, 19);

/**
 * An LFM-2b corpus as shipped (tab-separated with headers; the events compressed, here with
 * gzip: the loader's own tests read bzip2 with and without a system bzip2):
 * user 501 listens to tracks 1-7 on 3 June (out of order, one replay) and 2-8 on 4 June;
 * user 502 (not in users.tsv) to tracks 3-9 on 3 June; user 501's 5 June has two tracks.
 */
async function writeLfm2bCorpus(dir: string): Promise<void> {
  const events = [['user_id', 'track_id', 'album_id', 'timestamp']];
  // Track 2 is logged before track 1 but played after it; track 4 is replayed.
  for (const [minute, track] of [
    [1, 2],
    [0, 1],
    [2, 3],
    [3, 4],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
  ] as const) {
    events.push(['501', String(track), '9', at(3, minute)]);
  }
  for (let track = 2; track <= 8; track++) events.push(['501', String(track), '9', at(4, track)]);
  events.push(['501', '1', '9', at(5, 0)], ['501', '2', '9', at(5, 1)]);
  for (let track = 3; track <= 9; track++) events.push(['502', String(track), '9', at(3, track)]);
  await writeFile(join(dir, 'listening-events.tsv.gz'), gzipSync(table(events)));
  await writeFile(
    join(dir, 'users.tsv'),
    table([
      ['user_id', 'country', 'age', 'gender', 'creation_time'],
      ['501', 'SE', '34', 'f', '2008-02-01 10:00:00'],
    ]),
  );
  const tracks = [['track_id', 'artist_name', 'track_name']];
  for (let track = 1; track <= 9; track++)
    tracks.push([String(track), `Artist ${track}`, `Track "${track}"`]);
  await writeFile(join(dir, 'tracks.tsv'), table(tracks));
}

describe('tp2dg-generate --source lastfm', () => {
  it('should make conversations whose session ids, users and tracks come from the listening log', async () => {
    const corpus = await temporaryDirectory('lastfm');
    await writeLfm2bCorpus(corpus);
    const output = join(corpus, 'out');
    const result = await runNode(GENERATE, [
      '--source',
      'lastfm',
      '--source-option',
      `dir=${corpus}`,
      '--provider',
      'simulated',
      '--profile-size',
      '3',
      '--turns',
      '1',
      '--output-dir',
      output,
    ]);
    expect(result.stderr).not.toContain('tp2dg-generate:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Wrote 3 conversation(s)');
    expect(result.stdout).toContain('Skipped by the loader: 1');
    const corpusOut = join(output, 'simulated', basename(corpus));
    const sessionDirs = async (user: string) => (await readdir(join(corpusOut, user))).sort();
    expect(await readdir(corpusOut)).toEqual(expect.arrayContaining(['501', '502']));
    expect(await sessionDirs('501')).toEqual(['501__2012-06-03', '501__2012-06-04']);
    expect(await sessionDirs('502')).toEqual(['502__2012-06-03']);

    const read = async (user: string, session: string) =>
      JSON.parse(await readFile(join(corpusOut, user, session, 'session.json'), 'utf8'));
    const first = await read('501', '501__2012-06-03');
    expect(first.provenance.source).toBe('lastfm');
    expect(first.session_date).toBe('2012-06-03');
    expect(first.profile).toMatchObject({
      user_id: '501',
      age: 34,
      age_group: '30s',
      gender: 'female',
      country: 'SE',
      country_name: 'Sweden',
      // LFM-2b states no language: the user speaks the conversation's, as the run chose it.
      preferred_language: 'English',
      provenance: { age: 'corpus', country: 'corpus', preferred_language: 'run' },
    });
    const profiling = JSON.parse(
      await readFile(join(corpusOut, '501', '501__2012-06-03', 'profiling.json'), 'utf8'),
    );
    expect(profiling.user).toMatchObject({ age: 34, country_name: 'Sweden', preferred_language: 'English' });
    expect(first.liked_tracks.map((track: { track_id: string }) => track.track_id)).toEqual(['1', '2', '3']);
    expect(first.pool_tracks.map((track: { track_id: string }) => track.track_id)).toEqual([
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(first.liked_tracks[0]).toMatchObject({ title: 'Track "1"', artist: 'Artist 1' });
    const unknownUser = await read('502', '502__2012-06-03');
    expect(unknownUser.profile).toMatchObject({
      user_id: '502',
      age: null,
      age_group: null,
      gender: null,
      country: null,
      country_name: null,
    });
    expect(unknownUser.liked_tracks.map((track: { track_id: string }) => track.track_id)).toEqual([
      '3',
      '4',
      '5',
    ]);
  });
});
