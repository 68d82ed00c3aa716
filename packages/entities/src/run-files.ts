import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isFailureLogName, isRunManifestFileName, SESSION_FILE } from './run-layout.js';

export interface RunFiles {
  /** Folders holding a `session.json`: finished conversations (folders are put in place whole). */
  sessionFolders: string[];
  failureLogs: string[];
  manifests: string[];
}

/**
 * The files of one or more runs under `root` (a run directory, or any folder above its session
 * folders): what `tp2dg-export` and `tp2dg-eval` read. Walks `root` depth-first, as
 * `tp2dg-summary` does: links are not followed (a loop cannot hang it), dot-folders (staging
 * folders, journals) are never results, and the lists are sorted so a reader does not depend on
 * directory order.
 */
export async function findRunFiles(root: string): Promise<RunFiles> {
  const found: RunFiles = { sessionFolders: [], failureLogs: [], manifests: [] };
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const entries = await readdir(folder, { withFileTypes: true });
    const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => entry.name));
    for (const name of files) {
      if (isFailureLogName(name)) found.failureLogs.push(join(folder, name));
      if (isRunManifestFileName(name)) found.manifests.push(join(folder, name));
    }
    if (files.has(SESSION_FILE)) {
      found.sessionFolders.push(folder);
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) pending.push(join(folder, entry.name));
    }
  }
  found.sessionFolders.sort();
  found.failureLogs.sort();
  found.manifests.sort();
  return found;
}
