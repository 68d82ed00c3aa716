import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** The generator's failure logs: one per run, or one per shard of a split corpus. */
const FAILURE_LOG = /^failures(-shard-\d+-of-\d+)?\.jsonl$/;

export interface OutputFiles {
  /** Folders holding a chat.json: one conversation each. */
  sessionFolders: string[];
  /** Every failure log (`failures.jsonl`, or `failures-shard-<i>-of-<n>.jsonl`), wherever it is. */
  failureFiles: string[];
}

/**
 * Walks `root` depth-first. Symbolic links are not followed so a link loop cannot
 * hang the walk; a session folder is not searched further because it holds no others.
 * Results are sorted so reports do not depend on directory order.
 */
export async function findOutputFiles(root: string): Promise<OutputFiles> {
  const found: OutputFiles = { sessionFolders: [], failureFiles: [] };
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(folder, { withFileTypes: true });
    const fileNames = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
    for (const name of fileNames) if (FAILURE_LOG.test(name)) found.failureFiles.push(join(folder, name));
    if (fileNames.has('chat.json')) {
      found.sessionFolders.push(folder);
      continue;
    }
    // Dot-folders are the generator's staging folders (`.<session>.partial-*`): never a result.
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) pending.push(join(folder, entry.name));
    }
  }
  found.sessionFolders.sort();
  found.failureFiles.sort();
  return found;
}
