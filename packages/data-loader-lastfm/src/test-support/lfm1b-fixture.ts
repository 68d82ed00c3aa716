import { writeTable } from './fixture-files.js';

/** Unix seconds of a UTC time, as LFM-1b writes them. */
export const unixSeconds = (day: number, hour: number, minute = 0) =>
  String(Date.UTC(2013, 0, day, hour, minute) / 1000);

/**
 * A small LFM-1b corpus without headers (as shipped, except users): user 31 listens on
 * 5 and 6 January; on the 5th out of order, with a replay, a track missing from the
 * tracks file and one whose name holds a tab; user 77 (not in the users file) on the 5th.
 */
export async function writeLfm1bFixture(dir: string): Promise<void> {
  await writeTable(dir, 'LFM-1b_LEs.txt', [
    ['31', '1', '1', '11', unixSeconds(5, 10, 20)],
    ['31', '1', '1', '10', unixSeconds(5, 10, 0)],
    ['31', '2', '1', '12', unixSeconds(5, 10, 30)],
    ['31', '2', '1', '99', unixSeconds(5, 10, 35)],
    ['31', '1', '1', '10', unixSeconds(5, 10, 40)],
    ['31', '2', '1', '13', unixSeconds(5, 10, 50)],
    ['31', '1', '1', '14', unixSeconds(5, 23, 59)],
    ['31', '1', '1', '10', unixSeconds(6, 0, 5)],
    ['31', '1', '1', '11', unixSeconds(6, 0, 9)],
    ['77', '1', '1', '12', unixSeconds(5, 8)],
    ['77', '1', '1', '13', unixSeconds(5, 9)],
    ['77', '1', '1', '14', unixSeconds(5, 10)],
  ]);
  await writeTable(dir, 'LFM-1b_users.txt', [
    ['user_id', 'country', 'age', 'gender', 'playcount', 'registered_unixtime'],
    ['31', 'AT', '27', 'm', '9', '1104537600'],
  ]);
  await writeTable(dir, 'LFM-1b_tracks.txt', [
    ['10', 'First', '1'],
    ['11', 'Side\tB', '1'],
    ['12', '"Quoted" Title', '2'],
    ['13', 'Fourth', '2'],
    ['14', 'Fifth', '1'],
  ]);
  await writeTable(dir, 'LFM-1b_artists.txt', [
    ['1', 'The Ones'],
    ['2', 'Two "Twos"'],
  ]);
}
