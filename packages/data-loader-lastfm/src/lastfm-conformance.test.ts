import path from 'node:path';
import { describeDataLoaderConformance } from '@tp2dg/data-loaders/test';
import { afterAll } from 'vitest';
import { lastfmDataLoader } from './lastfm-plugin.js';
import { createFixtureDirectory, removeFixtureDirectories } from './test-support/fixture-files.js';
import { writeMusic4AllFixture, writeOnionEvents } from './test-support/music4all-fixture.js';
import { writeSyntheticLfm2b } from './test-support/synthetic-log.js';

afterAll(removeFixtureDirectories);

describeDataLoaderConformance('lastfm over an LFM-2b log in bzip2', async () => {
  const dir = await createFixtureDirectory();
  await writeSyntheticLfm2b(dir, { users: 3, days: 2, tracksPerDay: 12, tracks: 40, compression: '.bz2' });
  return {
    plugin: lastfmDataLoader,
    options: { dataDir: dir, profileSize: 5, poolSize: 4, sourceOptions: { dir } },
  };
});

describeDataLoaderConformance('lastfm over Onion events with Music4All media inside the corpus', async () => {
  const dir = await createFixtureDirectory();
  const music4all = path.join(dir, 'music4all');
  const trackIds = await writeMusic4AllFixture(music4all, 12);
  await writeOnionEvents(dir, trackIds, { users: 2, days: 2 });
  return {
    plugin: lastfmDataLoader,
    options: { dataDir: dir, profileSize: 3, poolSize: 8, sourceOptions: { dir, music4all } },
  };
});
