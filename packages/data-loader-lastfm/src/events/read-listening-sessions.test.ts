import { afterAll, describe, expect, it } from 'vitest';
import { RowReport } from '../reading/row-report.js';
import {
  createFixtureDirectory,
  removeFixtureDirectories,
  writeTable,
} from '../test-support/fixture-files.js';
import { unixSeconds } from '../test-support/lfm1b-fixture.js';
import { readListeningSessions } from './read-listening-sessions.js';

afterAll(removeFixtureDirectories);

describe('readListeningSessions', () => {
  it('should group a bzip2 log into per-day sessions with every play, replays included', async () => {
    const dir = await createFixtureDirectory();
    const file = await writeTable(
      dir,
      'LFM-1b_LEs.txt',
      [
        ['4', '0', '0', 'b', unixSeconds(2, 9)],
        ['4', '0', '0', 'a', unixSeconds(2, 8)],
        ['4', '0', '0', 'a', unixSeconds(2, 10)],
        ['4', '0', '0', 'c', unixSeconds(3, 8)],
        ['4', '0', '0', 'bad'],
      ],
      { compression: '.bz2' },
    );
    const report = new RowReport();
    const sessions = [];
    for await (const session of readListeningSessions(file, { layout: 'lfm-1b', report }))
      sessions.push(session);
    expect(sessions).toEqual([
      { sessionId: '4__2013-01-02', userId: '4', date: '2013-01-02', trackIds: ['a', 'b', 'a'] },
      { sessionId: '4__2013-01-03', userId: '4', date: '2013-01-03', trackIds: ['c'] },
    ]);
    expect(report.entries()).toHaveLength(1);
  });
});
