import { describeDataLoaderConformance } from '@tp2dg/data-loaders/test';
import { afterAll } from 'vitest';
import { mpdDataLoader } from './mpd-plugin.js';
import {
  createMpdDirectory,
  playlist,
  range,
  removeMpdDirectories,
  writeSlice,
} from './test-support/mpd-fixtures.js';

afterAll(removeMpdDirectories);

describeDataLoaderConformance('mpd over two slices', async () => {
  const dir = await createMpdDirectory();
  await writeSlice(dir, 0, 1, [playlist(0, range(1, 12)), playlist(1, [...range(20, 6), 20, 21])]);
  await writeSlice(dir, 2, 3, [playlist(2, range(40, 30)), playlist(3, range(1, 3))]);
  return { plugin: mpdDataLoader, options: { dataDir: dir, profileSize: 5, poolSize: 8 } };
});
