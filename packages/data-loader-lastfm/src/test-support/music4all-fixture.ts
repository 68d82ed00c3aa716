import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type Compression, writeTable } from './fixture-files.js';
import { formatTime } from './synthetic-log.js';

/** A 16-character id like Music4All's (`0009fFIM1eYThaPg`). */
export const music4allId = (index: number) => `M4a${String(index).padStart(13, '0')}`;

/** The start of an MPEG-1 Layer III file: enough to be an .mp3 on disk; nothing decodes it here. */
const mp3Bytes = Buffer.from([0x49, 0x44, 0x33, 0x03, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]);

const languages = ['en', 'pt', 'instrumental', 'de'];

/**
 * A Music4All directory of `count` tracks: the four tab-separated "CSV" tables with headers,
 * `lyrics/<id>.txt` for every track but the last and `audios/<id>.mp3` for every track.
 * Returns the ids.
 */
export async function writeMusic4AllFixture(dir: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, index) => music4allId(index));
  await writeTable(dir, 'id_information.csv', [
    ['id', 'artist', 'song', 'album_name'],
    ...ids.map((id, index) => [id, `Band ${index % 4}`, `Tune ${index}`, `Album ${index % 3}`]),
  ]);
  await writeTable(dir, 'id_tags.csv', [
    ['id', 'tags'],
    ...ids.map((id, index) => [id, `rock,mellow ${index % 2},Rock`]),
  ]);
  await writeTable(dir, 'id_genres.csv', [['id', 'genres'], ...ids.map((id) => [id, 'indie rock,pop'])]);
  await writeTable(dir, 'id_lang.csv', [
    ['id', 'lang'],
    ...ids.map((id, index) => [id, languages[index % 4] as string]),
  ]);
  await mkdir(path.join(dir, 'lyrics'), { recursive: true });
  await mkdir(path.join(dir, 'audios'), { recursive: true });
  for (const [index, id] of ids.entries()) {
    if (index < count - 1)
      await writeFile(path.join(dir, 'lyrics', `${id}.txt`), `Line one of ${id}\nLine two\n`);
    await writeFile(path.join(dir, 'audios', `${id}.mp3`), mp3Bytes);
  }
  return ids;
}

/**
 * Onion events (`user_id, track_id, timestamp` with a header) of users `2000 + n`, each
 * listening every track once a day, ten minutes apart, plus LFM-2b's users file beside them.
 */
export async function writeOnionEvents(
  dir: string,
  trackIds: readonly string[],
  options: { users: number; days: number; compression?: Compression },
): Promise<void> {
  const rows: string[][] = [['user_id', 'track_id', 'timestamp']];
  for (let user = 0; user < options.users; user++) {
    for (let day = 0; day < options.days; day++) {
      trackIds.forEach((trackId, position) => {
        const time = Date.UTC(2020, 2, 1 + day, 9) + position * 600_000;
        rows.push([String(2000 + user), trackId, formatTime(time)]);
      });
    }
  }
  await writeTable(dir, 'userid_trackid_timestamp.tsv', rows, { compression: options.compression });
  await writeTable(dir, 'users.tsv', [
    ['user_id', 'country', 'age', 'gender', 'creation_time'],
    ...Array.from({ length: options.users }, (_, user) => [String(2000 + user), 'PT', '-1', 'n', '']),
  ]);
}
