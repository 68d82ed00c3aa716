// Writes the committed demo corpus (@tp2dg/data-dummy) from the built package (run `pnpm build` first).
// 5 profiling + at least 8 pool tracks per session, so an 8-turn conversation never runs dry.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { writeSyntheticCorpus } from '../dist/test.js';

// Only what the writer produces is removed, so stale media from an older run cannot linger.
for (const entry of ['audio', 'images', 'users.json', 'tracks.json', 'playlists.json']) {
  await rm(path.join(dummyCorpusDir, entry), { recursive: true, force: true });
}
const records = await writeSyntheticCorpus(dummyCorpusDir, {
  users: 4,
  tracks: 40,
  sessions: 8,
  tracksPerSession: { min: 13, max: 16 },
  seed: 'tp2dg-dummy',
});
process.stdout.write(
  `${dummyCorpusDir}: ${records.users.length} users, ${records.tracks.length} tracks, ${records.sessions.length} sessions\n`,
);
