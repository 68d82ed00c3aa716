import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SyntheticCorpusOptions } from '../testing/synthetic-records.js';
import { writeSyntheticCorpus } from '../testing/write-synthetic-corpus.js';

/** The committed demo corpus (`@tp2dg/data-dummy`). */
export { dummyCorpusDir } from '@tp2dg/data-dummy';

const created: string[] = [];

/** A fresh directory under the OS temp dir; removed by `removeTemporaryDirectories`. */
export async function createTemporaryDirectory(prefix = 'tp2dg-loaders-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export async function removeTemporaryDirectories(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A small synthetic corpus in a new temp dir (`corpus/` inside it, so `..` stays in the sandbox). */
export async function createTemporaryCorpus(options: Partial<SyntheticCorpusOptions> = {}): Promise<string> {
  const dataDir = path.join(await createTemporaryDirectory(), 'corpus');
  await writeSyntheticCorpus(dataDir, {
    users: 2,
    tracks: 12,
    sessions: 3,
    tracksPerSession: 8,
    seed: 7,
    ...options,
  });
  return dataDir;
}

const recordKeys = { 'users.json': 'users', 'tracks.json': 'tracks', 'playlists.json': 'sessions' } as const;

/** Rewrites record `index` of one corpus file through `edit`, to plant a bad record; returns the file. */
export async function editCorpusRecord(
  dataDir: string,
  fileName: keyof typeof recordKeys,
  index: number,
  edit: (record: Record<string, unknown>) => void,
): Promise<string> {
  const filePath = path.join(dataDir, fileName);
  const content = JSON.parse(await readFile(filePath, 'utf8'));
  const record = content[recordKeys[fileName]][index];
  if (record === undefined) throw new Error(`${filePath} has no record ${index}`);
  edit(record);
  await writeFile(filePath, JSON.stringify(content, null, 2));
  return filePath;
}
