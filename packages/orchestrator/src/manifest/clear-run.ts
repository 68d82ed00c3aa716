import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { failureLogName } from '../failure-log.js';
import { journalRoot, sessionIdOfEntry } from '../output-paths.js';
import { inShard, type Shard } from '../shard.js';
import { manifestFile } from './run-manifest.js';

/**
 * `--fresh`: removes what earlier runs left in a run directory, so the run starts over.
 * A shard removes only its own sessions, journals, failure log and manifest: other shards may
 * write to the same directory. Uploads are kept: they live beside it and cost nothing.
 */
export async function clearRun(corpusRoot: string, shard: Shard | undefined): Promise<void> {
  if (shard === undefined) {
    await rm(corpusRoot, { recursive: true, force: true });
    return;
  }
  const owned = (entry: string) => {
    const sessionId = sessionIdOfEntry(entry);
    return sessionId !== undefined && inShard(sessionId, shard);
  };
  for (const parent of [corpusRoot, journalRoot(corpusRoot)]) {
    for (const user of await subfolders(parent)) {
      const entries = await readdir(join(parent, user)).catch(() => []);
      await Promise.all(
        entries.filter(owned).map((entry) => rm(join(parent, user, entry), { recursive: true, force: true })),
      );
    }
  }
  await rm(join(corpusRoot, failureLogName(shard)), { force: true });
  await rm(manifestFile(corpusRoot, shard), { force: true });
}

async function subfolders(parent: string): Promise<string[]> {
  const entries = await readdir(parent, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name);
}
