import { afterAll, describe, expect, it } from 'vitest';
import { corpusLayouts } from '../layout/corpus-layouts.js';
import { RowReport } from '../reading/row-report.js';
import {
  createFixtureDirectory,
  defined,
  removeFixtureDirectories,
  writeTable,
} from '../test-support/fixture-files.js';
import { ageGroupOf, ageOf, genderOf, readUsers } from './read-users.js';

afterAll(removeFixtureDirectories);

describe('users', () => {
  it('should bucket ages by decade and treat -1, 0, blanks and implausible ages as unknown', () => {
    expect([ageGroupOf('19'), ageGroupOf('20'), ageGroupOf('37'), ageGroupOf('64')]).toEqual([
      '10s',
      '20s',
      '30s',
      '60s',
    ]);
    for (const unknown of [undefined, '', '-1', '0', '3', '113', 'twenty', '2.5']) {
      expect(ageGroupOf(unknown)).toBeNull();
      expect(ageOf(unknown)).toBeNull();
    }
    expect([ageOf('19'), ageOf(' 64 ')]).toEqual([19, 64]);
  });

  it('should read m and f as genders and anything else as unknown', () => {
    expect([genderOf('m'), genderOf('F'), genderOf('female')]).toEqual(['male', 'female', 'female']);
    for (const unknown of [undefined, '', 'n', 'x']) expect(genderOf(unknown)).toBeNull();
  });

  it('should read an LFM-2b users file, keeping the first row of a repeated id', async () => {
    const dir = await createFixtureDirectory();
    const file = await writeTable(dir, 'users.tsv', [
      ['user_id', 'country', 'age', 'gender', 'creation_time'],
      ['1', 'br', '23', 'f', '2010-01-01 00:00:00'],
      ['2', '', '-1', 'n', ''],
      ['1', 'US', '40', 'm', ''],
      ['3'],
    ]);
    const report = new RowReport();
    const users = await readUsers(file, defined(corpusLayouts['lfm-2b'].users, 'LFM-2b users'), report);
    expect([...users.values()]).toEqual([
      { userId: '1', country: 'BR', age: 23, ageGroup: '20s', gender: 'female' },
      { userId: '2', country: null, age: null, ageGroup: null, gender: null },
      { userId: '3', country: null, age: null, ageGroup: null, gender: null },
    ]);
    expect(report.entries()).toEqual([{ file, reason: 'user_id 1 repeated', count: 1, firstLine: 4 }]);
  });
});
