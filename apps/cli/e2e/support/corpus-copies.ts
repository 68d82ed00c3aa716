import { createHash } from 'node:crypto';
import { cp, readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { DUMMY, temporaryDirectory } from './run-command.js';

/** A copy of the bundled corpus, `<temporary folder>/corpus`, for a test to spoil. */
export async function copyOfDummy(): Promise<string> {
  const corpus = join(await temporaryDirectory('corpus'), 'corpus');
  await cp(DUMMY, corpus, { recursive: true });
  return corpus;
}

/** Every file under a folder, by relative path, with the sha256 of its bytes: compared before and after a run. */
export async function hashTree(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const hashes: Record<string, string> = {};
  for (const entry of entries.filter((each) => each.isFile())) {
    const path = join(entry.parentPath, entry.name);
    hashes[relative(folder, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return hashes;
}
