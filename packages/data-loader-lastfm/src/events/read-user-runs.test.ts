import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusLayouts } from '../layout/corpus-layouts.js';
import { RowReport } from '../reading/row-report.js';
import {
  compress,
  createFixtureDirectory,
  removeFixtureDirectories,
  writeTable,
} from '../test-support/fixture-files.js';
import { failureOf } from '../test-support/read-loader.js';
import { readUserRuns } from './read-user-runs.js';

afterAll(removeFixtureDirectories);

const lfm1b = corpusLayouts['lfm-1b'].events;
const onion = corpusLayouts.onion.events;

async function runsOf(
  rows: (string | number)[][],
  options: { unterminated?: boolean; strict?: boolean } = {},
) {
  const file = await writeTable(await createFixtureDirectory(), 'LFM-1b_LEs.txt', rows, options);
  const report = new RowReport(options.strict);
  const runs = [];
  for await (const run of readUserRuns(file, lfm1b, report)) runs.push(run);
  return { file, runs, skipped: report.entries() };
}

describe('readUserRuns', () => {
  it('should group a headerless LFM-1b log by user and sort each user by time, keeping ties in order', async () => {
    const { runs } = await runsOf([
      [7, 1, 1, 'a', 300],
      [7, 1, 1, 'b', 100],
      [7, 1, 1, 'c', 300],
      [7, 1, 1, 'd', 200],
      [9, 1, 1, 'e', 50],
    ]);
    expect(runs).toEqual([
      { userId: '7', trackIds: ['b', 'd', 'a', 'c'], times: [100_000, 200_000, 300_000, 300_000] },
      { userId: '9', trackIds: ['e'], times: [50_000] },
    ]);
  });

  it('should read rows split across many chunks, with CRLF line ends, through bzip2', async () => {
    const dir = await createFixtureDirectory();
    const rows: string[] = [];
    for (let user = 0; user < 300; user++) {
      for (let play = 0; play < 500; play++)
        rows.push(`${user}\t9\t9\ttrack-${user}-${play}\t${1_300_000_000 + play * 60}`);
    }
    const file = path.join(dir, 'LFM-1b_LEs.txt.bz2');
    await writeFile(file, compress(`${rows.join('\r\n')}\r\n`, '.bz2'));
    const report = new RowReport();
    const runs = [];
    for await (const run of readUserRuns(file, lfm1b, report)) runs.push(run);
    expect(runs).toHaveLength(300);
    expect(runs.every((run, user) => run.userId === String(user) && run.trackIds.length === 500)).toBe(true);
    expect(runs[123]?.trackIds[499]).toBe('track-123-499');
    expect(runs[299]?.times[499]).toBe((1_300_000_000 + 499 * 60) * 1000);
    expect(report.entries()).toEqual([]);
  });

  it('should find the columns by a header in any order', async () => {
    const file = await writeTable(await createFixtureDirectory(), 'userid_trackid_timestamp.tsv', [
      ['timestamp', 'track_id', 'user_id'],
      ['2020-03-01 09:00:00', 'x', '5'],
    ]);
    const runs = [];
    for await (const run of readUserRuns(file, onion, new RowReport())) runs.push(run);
    expect(runs).toEqual([{ userId: '5', trackIds: ['x'], times: [Date.UTC(2020, 2, 1, 9)] }]);
  });

  it('should refuse a user whose events come back after another user, naming both lines', async () => {
    const error = await failureOf(
      runsOf([
        [7, 1, 1, 'a', 100],
        [7, 1, 1, 'b', 150],
        [7, 1],
        [8, 1, 1, 'b', 100],
        [7, 1, 1, 'c', 200],
      ]),
    );
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /LFM-1b_LEs\.txt: line 5: user 7 appears again after other users' events \(their earlier events end by line 2\)/,
    );
    expect(error.message).toContain('sort the file by user first');
  });

  it('should skip and count bad rows and a cut-off last line, by reason with the first line', async () => {
    const { runs, skipped, file } = await runsOf(
      [
        [7, 1, 1, 'a', 100],
        [7, 1, 1, 'b'],
        [7, 1, 1, 'c', 'noon'],
        [7, 1, 1, '', 300],
        [7, 1, 1, 'd', 400],
        [7, 1, 1, 'e', 500],
        [7, 1],
      ],
      { unterminated: true },
    );
    expect(runs[0]?.trackIds).toEqual(['a', 'd', 'e']);
    expect(skipped).toEqual([
      { file, reason: 'row has fewer than 5 fields (a cut-off or malformed line)', count: 2, firstLine: 2 },
      { file, reason: 'row has an unreadable timestamp', count: 1, firstLine: 3 },
      { file, reason: 'row has an empty user_id or track_id', count: 1, firstLine: 4 },
    ]);
  });

  it('should fail on the first bad row in strict mode, naming file and line', async () => {
    const error = await failureOf(
      runsOf(
        [
          [7, 1, 1, 'a', 100],
          [7, 1, 1, 'c', 'noon'],
        ],
        { strict: true },
      ),
    );
    expect(error.message).toMatch(
      /LFM-1b_LEs\.txt: line 2: row has an unreadable timestamp\. Fix or remove the row/,
    );
  });

  it('should refuse a file whose first row is not of the layout, pointing at layout=', async () => {
    const error = await failureOf(
      runsOf([
        ['user_id', 'artist_name', 'plays'],
        [7, 'x', 3],
      ]),
    );
    expect(error.message).toMatch(
      /LFM-1b_LEs\.txt: line 1 is neither a header naming user_id, track_id, timestamp nor a row of/,
    );
    expect(error.message).toContain('layout=');
  });
});
