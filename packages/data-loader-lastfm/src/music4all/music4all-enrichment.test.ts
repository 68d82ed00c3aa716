import { realpath, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusLicences } from '../licences.js';
import { createFixtureDirectory, removeFixtureDirectories } from '../test-support/fixture-files.js';
import { music4allId, writeMusic4AllFixture, writeOnionEvents } from '../test-support/music4all-fixture.js';
import { failureOf, readLastfm } from '../test-support/read-loader.js';

afterAll(removeFixtureDirectories);

async function onionCorpus(options: { compression?: '.bz2' } = {}) {
  const dir = await createFixtureDirectory();
  const music4all = path.join(dir, 'm4a');
  const ids = await writeMusic4AllFixture(music4all, 6);
  await writeOnionEvents(dir, ids, { users: 1, days: 1, ...options });
  return { dir, music4all: await realpath(music4all) };
}

describe('Music4All enrichment', () => {
  it('should fill title, artist, album, genre-first tags, language, lyrics and the audio clip', async () => {
    const { dir, music4all } = await onionCorpus({ compression: '.bz2' });
    const { sessions, loader } = await readLastfm(dir, { music4all }, { profileSize: 2 });
    expect(sessions.map((session) => session.session_id)).toEqual(['2000__2020-03-01']);
    const [first, second] = sessions[0]?.profiling_tracks ?? [];
    expect(first).toEqual({
      track_id: music4allId(0),
      title: 'Tune 0',
      artist: 'Band 0',
      album: 'Album 0',
      tags: ['indie rock', 'pop', 'rock', 'mellow 0', 'lyrics in English'],
      lyrics: `Line one of ${music4allId(0)}\nLine two`,
      audio_path: path.join(music4all, 'audios', `${music4allId(0)}.mp3`),
    });
    expect(second?.tags.at(-1)).toBe('lyrics in Portuguese');
    expect(sessions[0]?.pool_tracks[0]?.tags.at(-1)).toBe('instrumental');
    // The fixture's last track has no lyrics file: no lyrics, still a clip.
    const last = sessions[0]?.pool_tracks.at(-1);
    expect(last?.lyrics).toBeUndefined();
    expect(last?.audio_path).toBeDefined();
    expect(loader.licences).toEqual([
      corpusLicences.onion,
      corpusLicences['lfm-2b'],
      corpusLicences.music4all,
    ]);
  });

  it('should use id_information.csv beside the Onion events when no music4all option is given', async () => {
    const dir = await createFixtureDirectory();
    const ids = await writeMusic4AllFixture(dir, 4);
    await writeOnionEvents(dir, ids, { users: 1, days: 1 });
    const { sessions } = await readLastfm(dir);
    expect(sessions[0]?.pool_tracks[0]).toMatchObject({ title: 'Tune 2', artist: 'Band 2' });
  });

  it('should refuse an audio clip that is a symlink out of the Music4All directory', async () => {
    const { dir, music4all } = await onionCorpus();
    const outside = path.join(await createFixtureDirectory(), 'elsewhere.mp3');
    await writeFile(outside, 'x');
    const clip = path.join(music4all, 'audios', `${music4allId(1)}.mp3`);
    await rm(clip);
    await symlink(outside, clip);
    const error = await failureOf(readLastfm(dir, { music4all }));
    expect(Tp2dgError.isInstance(error) && error.code).toBe('MEDIA_PATH_ESCAPE');
    expect(error.message).toContain(
      `${clip} resolves to ${await realpath(outside)}, outside the Music4All directory`,
    );
  });

  it('should name the option when the Music4All directory is missing or lacks id_information', async () => {
    const dir = await createFixtureDirectory();
    await writeOnionEvents(dir, [music4allId(0)], { users: 1, days: 1 });
    const missing = await failureOf(readLastfm(dir, { music4all: path.join(dir, 'nope') }));
    expect(missing.message).toContain('lastfm loader: option "music4all"');
    expect((await failureOf(readLastfm(dir, { music4all: dir }))).message).toContain(
      'has no id_information.csv',
    );
  });
});
