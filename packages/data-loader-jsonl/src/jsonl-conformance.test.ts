import { describeDataLoaderConformance } from '@tp2dg/data-loaders/test';
import { afterAll } from 'vitest';
import { jsonlDataLoader } from './jsonl-plugin.js';
import {
  createFixtureDirectory,
  header,
  ids,
  inlineSession,
  removeFixtures,
  track,
  user,
  writeClip,
  writeLines,
} from './test-support/jsonl-fixtures.js';

afterAll(removeFixtures);

describeDataLoaderConformance('jsonl with inline tracks and audio', async () => {
  const dataDir = await createFixtureDirectory();
  await writeClip(dataDir, 'a1.wav');
  const first = inlineSession('s1', 'u1', ids('a', 8));
  first.tracks[0] = track('a1', { audio_path: 'audio/a1.wav', tags: ['indie'] });
  await writeLines(dataDir, 'sessions.jsonl', [header(), first, inlineSession('s2', 'u2', ids('b', 7))]);
  return { plugin: jsonlDataLoader, options: { dataDir, profileSize: 3, poolSize: 4 } };
});

describeDataLoaderConformance('jsonl with a tracks side file', async () => {
  const dataDir = await createFixtureDirectory();
  await writeLines(
    dataDir,
    'tracks.jsonl',
    ids('t', 10).map((trackId) => track(trackId)),
  );
  await writeLines(dataDir, 'sessions.jsonl', [
    header({ tracks_file: 'tracks.jsonl', corpus: 'side' }),
    { session_id: 's1', user: user('u1'), track_ids: ids('t', 9) },
    { session_id: 's2', user: user('u1'), track_ids: ids('t', 10).reverse(), date: '2019-01-02' },
  ]);
  return { plugin: jsonlDataLoader, options: { dataDir, profileSize: 5 } };
});
