import { type Compression, writeTable } from './fixture-files.js';

export interface SyntheticLogOptions {
  users: number;
  days: number;
  tracksPerDay: number;
  tracks: number;
  compression?: Compression;
}

/** 2019-01-07 12:00:00 UTC, a Monday at noon, so a day's events stay on that day. */
const firstDay = Date.UTC(2019, 0, 7, 12);

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in UTC, as LFM-2b and Onion write times. */
export function formatTime(time: number): string {
  const date = new Date(time);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/**
 * An LFM-2b corpus (header, `YYYY-MM-DD HH:MM:SS` times) of `users` users, each listening
 * `tracksPerDay` distinct tracks, three minutes apart, on each of `days` days. Track ids are
 * numbers as in LFM-2b; users are `1000 + n`.
 */
export async function writeSyntheticLfm2b(dir: string, options: SyntheticLogOptions): Promise<void> {
  const compression = options.compression ?? '';
  const events: (string | number)[][] = [['user_id', 'track_id', 'album_id', 'timestamp']];
  for (let user = 0; user < options.users; user++) {
    for (let day = 0; day < options.days; day++) {
      for (let position = 0; position < options.tracksPerDay; position++) {
        const track = (user * 7 + day * 3 + position) % options.tracks;
        const time = firstDay + day * 86_400_000 + position * 180_000;
        events.push([1000 + user, track, 500 + (track % 5), formatTime(time)]);
      }
    }
  }
  await writeTable(dir, 'listening-events.tsv', events, { compression });
  const users = [['user_id', 'country', 'age', 'gender', 'creation_time']];
  for (let user = 0; user < options.users; user++) {
    users.push([
      String(1000 + user),
      ['BR', 'US', 'DE'][user % 3] as string,
      String(18 + user * 7),
      user % 2 === 0 ? 'f' : 'm',
      '2010-01-01 00:00:00',
    ]);
  }
  await writeTable(dir, 'users.tsv', users, { compression });
  const tracks = [['track_id', 'artist_name', 'track_name']];
  for (let track = 0; track < options.tracks; track++) {
    tracks.push([String(track), `Artist ${track % 9}`, `Song ${track}`]);
  }
  await writeTable(dir, 'tracks.tsv', tracks, { compression });
}
