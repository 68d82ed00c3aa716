import { afterAll, describe, expect, it } from 'vitest';
import { corpusLayouts } from '../layout/corpus-layouts.js';
import {
  createFixtureDirectory,
  defined,
  removeFixtureDirectories,
  writeTable,
} from '../test-support/fixture-files.js';
import { readTable, type TableRow } from './read-table.js';
import { RowReport } from './row-report.js';

afterAll(removeFixtureDirectories);

async function rowsOf(spec: keyof typeof specs, fileName: string, rows: string[][]) {
  const file = await writeTable(await createFixtureDirectory(), fileName, rows);
  const report = new RowReport();
  const read: TableRow[] = [];
  await readTable(file, specs[spec], report, (row) => read.push(row));
  return {
    read,
    skipped: report.entries().map(({ reason, count, firstLine }) => ({ reason, count, firstLine })),
  };
}

const specs = {
  lfm1bTracks: defined(corpusLayouts['lfm-1b'].tracks, 'LFM-1b tracks'),
  lfm2bTracks: defined(corpusLayouts['lfm-2b'].tracks, 'LFM-2b tracks'),
  lfm1bUsers: defined(corpusLayouts['lfm-1b'].users, 'LFM-1b users'),
} as const;

describe('readTable', () => {
  it('should give the stray tabs of a one-text-column row to that column (LFM-1b tracks)', async () => {
    const { read, skipped } = await rowsOf('lfm1bTracks', 'LFM-1b_tracks.txt', [
      ['1', 'Intro\tOutro', '42'],
      ['2', 'Plain', '43'],
    ]);
    expect(read).toEqual([
      { track_id: '1', track_name: 'Intro\tOutro', artist_id: '42' },
      { track_id: '2', track_name: 'Plain', artist_id: '43' },
    ]);
    expect(skipped).toEqual([]);
  });

  it('should skip and count a stray tab where two text columns make it ambiguous (LFM-2b tracks)', async () => {
    const { read, skipped } = await rowsOf('lfm2bTracks', 'tracks.tsv', [
      ['track_id', 'artist_name', 'track_name'],
      ['1', 'AC\tDC', 'Thunderstruck'],
      ['2', 'Bowie', '"Heroes"'],
    ]);
    expect(read).toEqual([{ track_id: '2', artist_name: 'Bowie', track_name: '"Heroes"' }]);
    expect(skipped).toEqual([
      { reason: 'more tabs than columns in a row with several text columns', count: 1, firstLine: 2 },
    ]);
  });

  it('should keep quotes as characters, even unbalanced ones', async () => {
    const { read } = await rowsOf('lfm2bTracks', 'tracks.tsv', [['3', 'Ab"ba', '12" mix "edit']]);
    expect(read[0]).toEqual({ track_id: '3', artist_name: 'Ab"ba', track_name: '12" mix "edit' });
  });

  it('should leave missing optional columns undefined and skip a row without a required one', async () => {
    const { read, skipped } = await rowsOf('lfm1bUsers', 'LFM-1b_users.txt', [
      ['user_id', 'country', 'age', 'gender', 'playcount', 'registered_unixtime'],
      ['10', 'AT', '25'],
      ['', 'DE', '30', 'f', '1', '2'],
    ]);
    expect(read).toEqual([
      {
        user_id: '10',
        country: 'AT',
        age: '25',
        gender: undefined,
        playcount: undefined,
        registered_unixtime: undefined,
      },
    ]);
    expect(skipped).toEqual([{ reason: 'no user_id', count: 1, firstLine: 3 }]);
  });
});
