import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface OutputFiles {
  /** Folders holding a chat.json: one conversation each. */
  sessionFolders: string[];
  /** Every failures.jsonl, wherever the generator put it. */
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
    if (fileNames.has('failures.jsonl')) found.failureFiles.push(join(folder, 'failures.jsonl'));
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
