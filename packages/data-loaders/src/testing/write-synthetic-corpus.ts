import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createSeededRandom } from '@tp2dg/entities';
import { encodePng } from './png-encoder.js';
import { synthesizeClip, synthesizeCover } from './synthesize-media.js';
import {
  createSyntheticRecords,
  type SyntheticCorpusOptions,
  type SyntheticRecords,
} from './synthetic-records.js';
import { encodeWav } from './wav-encoder.js';

const writeJson = (filePath: string, value: unknown) =>
  writeFile(filePath, `${JSON.stringify(value, null, 2)}\n`);

/**
 * Writes a reference-format corpus to `dir`: users.json, tracks.json, playlists.json, a
 * 3 s (or `clipSeconds`) 8 kHz WAV clip per track under `audio/` and a 64x64 PNG cover under `images/`.
 * The same options give byte-identical files. Returns the records written.
 */
export async function writeSyntheticCorpus(
  dir: string,
  options: SyntheticCorpusOptions & {
    /** Length of each clip (default 3 s; Music4All ships 30 s clips). */
    clipSeconds?: number;
  },
): Promise<SyntheticRecords> {
  const records = createSyntheticRecords(options);
  await mkdir(path.join(dir, 'audio'), { recursive: true });
  await mkdir(path.join(dir, 'images'), { recursive: true });
  await writeJson(path.join(dir, 'users.json'), { users: records.users });
  await writeJson(path.join(dir, 'tracks.json'), { tracks: records.tracks });
  await writeJson(path.join(dir, 'playlists.json'), { sessions: records.sessions });
  for (const track of records.tracks) {
    // Streams per track and medium, so adding a track never changes another one's media.
    const audio = synthesizeClip(
      createSeededRandom(options.seed, track.track_id, 'audio'),
      undefined,
      options.clipSeconds,
    );
    const cover = synthesizeCover(createSeededRandom(options.seed, track.track_id, 'cover'));
    await writeFile(path.join(dir, track.audio_path), encodeWav(audio));
    await writeFile(path.join(dir, track.image_path), encodePng(cover));
  }
  return records;
}
