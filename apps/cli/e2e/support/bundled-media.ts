import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import { DUMMY } from './run-command.js';

/** The distinct contents among the media of every bundled session: what one run must upload. */
export async function distinctBundledMedia(): Promise<number> {
  const loader = await referenceDataLoader.create({ dataDir: DUMMY, profileSize: 5 });
  const paths = new Set<string>();
  for await (const session of loader.sessions()) {
    for (const track of [...session.profiling_tracks, ...session.pool_tracks]) {
      for (const path of [track.audio_path, track.image_path]) if (path !== undefined) paths.add(path);
    }
  }
  const hashes = await Promise.all(
    [...paths].map(async (path) =>
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    ),
  );
  return new Set(hashes).size;
}
