import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EVAL_SUMMARY_FILE, isFailureLogName, isRunManifestFileName } from '@tp2dg/entities';
import { isFinished, journaledFolderName, journalRoot, stagedFolderName } from '../output-paths.js';
import { isRunLockName } from './run-lock.js';

/**
 * An entry of a run directory, as the run layout names it. `folder` is the session folder an
 * entry belongs to, as `<user>/<session>` names relative to the run directory.
 */
export type RunDirectoryEntry =
  | { kind: 'session' | 'staging' | 'journal'; path: string; folder: string }
  | { kind: 'manifest' | 'failure-log' | 'lock' | 'eval-summary'; path: string; name: string }
  | { kind: 'unknown'; path: string };

/**
 * Every entry of a run directory, each recognised by its name and type alone (folder names
 * may be hashed, so they cannot be decoded back to ids). Session folders are those holding
 * `session.json`; anything the layout does not define is `unknown`. Symbolic links are never
 * followed: a link is unknown.
 */
export async function listRunDirectory(corpusRoot: string): Promise<RunDirectoryEntry[]> {
  const entries: RunDirectoryEntry[] = [];
  for (const entry of await entriesOf(corpusRoot)) {
    const path = join(corpusRoot, entry.name);
    const { name } = entry;
    if (path === journalRoot(corpusRoot) && entry.isDirectory()) entries.push(...(await listJournals(path)));
    else if (entry.isFile() && isRunManifestFileName(name)) entries.push({ kind: 'manifest', path, name });
    else if (entry.isFile() && isFailureLogName(name)) entries.push({ kind: 'failure-log', path, name });
    else if (entry.isDirectory() && isRunLockName(name)) entries.push({ kind: 'lock', path, name });
    // What `tp2dg-eval` made of the session folders: it goes with them.
    else if (entry.isFile() && name === EVAL_SUMMARY_FILE) entries.push({ kind: 'eval-summary', path, name });
    else if (entry.isDirectory() && !name.startsWith('.'))
      entries.push(...(await listUserFolder(path, name)));
    else entries.push({ kind: 'unknown', path });
  }
  return entries;
}

async function listUserFolder(userFolder: string, user: string): Promise<RunDirectoryEntry[]> {
  return (await entriesOf(userFolder)).map((entry): RunDirectoryEntry => {
    const path = join(userFolder, entry.name);
    if (!entry.isDirectory()) return { kind: 'unknown', path };
    if (isFinished(path)) return { kind: 'session', path, folder: join(user, entry.name) };
    const staged = stagedFolderName(entry.name);
    return staged === undefined
      ? { kind: 'unknown', path }
      : { kind: 'staging', path, folder: join(user, staged) };
  });
}

async function listJournals(root: string): Promise<RunDirectoryEntry[]> {
  const entries: RunDirectoryEntry[] = [];
  for (const user of await entriesOf(root)) {
    const userFolder = join(root, user.name);
    if (!user.isDirectory()) {
      entries.push({ kind: 'unknown', path: userFolder });
      continue;
    }
    for (const entry of await entriesOf(userFolder)) {
      const path = join(userFolder, entry.name);
      const journaled = entry.isFile() ? journaledFolderName(entry.name) : undefined;
      entries.push(
        journaled === undefined
          ? { kind: 'unknown', path }
          : { kind: 'journal', path, folder: join(user.name, journaled) },
      );
    }
  }
  return entries;
}

async function entriesOf(folder: string): Promise<Dirent[]> {
  return readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
}
