import { rename } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { createLastfmDataLoader } from './create-lastfm-loader.js';
import { lastfmDataLoader } from './lastfm-plugin.js';
import {
  createFixtureDirectory,
  removeFixtureDirectories,
  writeTable,
} from './test-support/fixture-files.js';
import { writeLfm1bFixture } from './test-support/lfm1b-fixture.js';
import { writeOnionEvents } from './test-support/music4all-fixture.js';
import { failureOf } from './test-support/read-loader.js';
import { writeSyntheticLfm2b } from './test-support/synthetic-log.js';

afterAll(removeFixtureDirectories);

const create = (sourceOptions: Record<string, unknown>, dataDir?: string) =>
  createLastfmDataLoader({ profileSize: 2, dataDir, sourceOptions });

describe('lastfm loader options and corpus errors', () => {
  it('should name the loader and the option when an option is wrong, and refuse unknown ones', async () => {
    const dir = await createFixtureDirectory();
    const gap = await failureOf(create({ dir, sessionGap: '-5' }));
    expect(Tp2dgError.isInstance(gap) && gap.code).toBe('INVALID_ARGUMENT');
    expect(gap.message).toMatch(/^Data loader "lastfm": option "sessionGap": .*\(got "-5"\)/);
    expect((await failureOf(create({ dir, layout: 'lfm-3b' }))).message).toContain('option "layout"');
    expect((await failureOf(create({ dir, sesionGap: '30' }))).message).toContain('sesionGap');
  });

  it('should take the corpus directory from --data when dir is not given', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    const loader = await create({}, dir);
    expect(loader.corpus).toBe(path.basename(dir));
    expect((await failureOf(create({}))).message).toContain('Pass --source-option dir=DIR');
  });

  it('should say which events files it looked for when none is there', async () => {
    const dir = await createFixtureDirectory();
    const error = await failureOf(create({ dir }));
    expect(error.message).toContain(
      `lastfm loader: ${dir}: no listening-events file found; looked for lfm-1b: LFM-1b_LEs.txt`,
    );
    expect(error.message).toContain('layout=lfm-1b|lfm-2b|onion');
  });

  it('should ask for layout= when the directory holds events of two layouts, and obey it', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    await writeSyntheticLfm2b(dir, { users: 1, days: 1, tracksPerDay: 4, tracks: 5 });
    expect((await failureOf(create({ dir }))).message).toContain(
      'events files of several layouts found (lfm-1b, lfm-2b)',
    );
    expect((await create({ dir, layout: 'lfm-2b' })).layout).toBe('lfm-2b');
  });

  it('should refuse a corpus without track names, and Onion events without Music4All', async () => {
    const dir = await createFixtureDirectory();
    await writeSyntheticLfm2b(dir, { users: 1, days: 1, tracksPerDay: 4, tracks: 5 });
    await rename(path.join(dir, 'tracks.tsv'), path.join(dir, 'tracks-old.tsv'));
    expect((await failureOf(create({ dir }))).message).toMatch(
      /no tracks file \(tracks\.tsv or tracks\.txt, plain, \.gz or \.bz2\)/,
    );
    const onion = await createFixtureDirectory();
    await writeOnionEvents(onion, ['M4a0000000000001'], { users: 1, days: 1 });
    expect((await failureOf(create({ dir: onion }))).message).toContain('--source-option music4all=DIR');
  });

  it('should fail at creation, naming file and line, when the events file does not start with a row of its layout', async () => {
    const dir = await createFixtureDirectory();
    await writeTable(dir, 'listening-events.tsv', [
      ['user', 'artist', 'count'],
      ['1', 'x', '3'],
    ]);
    await writeTable(dir, 'tracks.tsv', [['track_id', 'artist_name', 'track_name']]);
    const error = await failureOf(create({ dir }));
    expect(error.message).toContain(`${path.join(dir, 'listening-events.tsv')}: line 1 is neither a header`);
  });

  it('should turn skipped rows into an error with strict=true', async () => {
    const dir = await createFixtureDirectory();
    await writeLfm1bFixture(dir);
    await writeTable(dir, 'LFM-1b_artists.txt', [['1', 'The Ones'], ['2']]);
    const error = await failureOf(create({ dir, strict: 'true' }));
    expect(error.message).toBe(
      `${path.join(dir, 'LFM-1b_artists.txt')}: line 2: no artist_name. Fill in the artist_name column (or drop the strict option to skip and count such rows).`,
    );
    expect((await create({ dir, strict: 'false' })).skippedRows()).toHaveLength(1);
  });

  it('should declare its options schema and licence on the plugin', () => {
    expect(lastfmDataLoader.optionsSchema).toBeDefined();
    expect(lastfmDataLoader.licence).toMatchObject({ commercialUse: false, redistribution: false });
    expect(lastfmDataLoader.licence?.summary).toContain('CC BY 4.0');
  });
});
