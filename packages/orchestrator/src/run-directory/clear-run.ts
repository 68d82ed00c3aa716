import { rm, rmdir } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import { failureLogName, outputWriteError, type Session, type Shard } from '@tp2dg/entities';
import { isRunManifest, manifestFile } from '../manifest/run-manifest.js';
import { journalRoot, sessionFolder } from '../output-paths.js';
import { listRunDirectory, type RunDirectoryEntry } from './run-directory-entries.js';

/** A shard and its sessions, read from the corpus: hashed folder names cannot be decoded to ids. */
export interface ShardSessions {
  shard: Shard;
  sessions: AsyncIterable<Session>;
}

/** How many kept entries a warning names before it only counts the rest. */
const NAMED_AT_MOST = 10;

/**
 * `--fresh`: removes, by name, what earlier runs wrote in a run directory: session folders
 * (those holding `session.json`, with what `tp2dg-eval` wrote in them), staging folders,
 * journals, manifests, failure logs and the judges' summary (`eval-summary.json`), then
 * the user and journal folders this left empty. With a shard, only this shard's sessions,
 * manifest and failure log: other shards may share the directory. Nothing is removed unless
 * the directory holds a manifest tp2dg wrote, and nothing the layout does not define is ever
 * removed. Uploads are kept: they live beside the run directory and cost nothing.
 *
 * Returns a warning for the user when something was left: entries it did not recognise, or
 * everything, in a directory tp2dg did not prove its own.
 */
export async function clearRun(
  corpusRoot: string,
  shard: ShardSessions | undefined,
): Promise<string | undefined> {
  const entries = await listRunDirectory(corpusRoot).catch((error: unknown) => {
    // The file system names the entry it could not remove; the run directory when it does not.
    throw outputWriteError((error as NodeJS.ErrnoException).path ?? corpusRoot, error);
  });
  if (entries.every((entry) => entry.kind === 'lock')) return undefined;
  const manifests = [
    ...new Set([manifestFile(corpusRoot, shard?.shard), manifestFile(corpusRoot, undefined)]),
  ];
  const proofs = await Promise.all(manifests.map(isRunManifest));
  if (!proofs.includes(true)) {
    return (
      `--fresh deleted nothing in ${corpusRoot}: it holds no run manifest tp2dg wrote ` +
      `(${manifests.map((file) => basename(file)).join(' or ')}), so the run resumes what is there. ` +
      'Move the folder away to start over.'
    );
  }
  const owned = shard === undefined ? () => true : await shardOwnership(corpusRoot, shard);
  const removed = entries.filter(
    (entry) => entry.kind !== 'lock' && entry.kind !== 'unknown' && owned(entry),
  );
  try {
    // Manifests last: a clearing cut short still has the proof that lets the next --fresh finish it.
    const manifestEntries = removed.filter((entry) => entry.kind === 'manifest');
    const outputs = removed.filter((entry) => entry.kind !== 'manifest');
    await Promise.all(outputs.map((entry) => rm(entry.path, { recursive: true, force: true })));
    // User folders, and journal folders of users; the run directory itself stays.
    const parents = new Set(
      outputs.map((entry) => dirname(entry.path)).filter((folder) => folder !== corpusRoot),
    );
    await removeEmptied([...parents]);
    await removeEmptied([journalRoot(corpusRoot)]);
    await Promise.all(manifestEntries.map((entry) => rm(entry.path, { force: true })));
  } catch (error) {
    // The file system names the entry it could not remove; the run directory when it does not.
    throw outputWriteError((error as NodeJS.ErrnoException).path ?? corpusRoot, error);
  }
  const kept = entries
    .filter((entry) => entry.kind === 'unknown')
    .map((entry) => relative(corpusRoot, entry.path))
    .sort();
  if (kept.length === 0) return undefined;
  const more = kept.length > NAMED_AT_MOST ? ` and ${kept.length - NAMED_AT_MOST} more` : '';
  return (
    `--fresh kept ${kept.length} entr${kept.length === 1 ? 'y' : 'ies'} of ${corpusRoot} it did not write: ` +
    `${kept.slice(0, NAMED_AT_MOST).join(', ')}${more}.`
  );
}

/** Which entries are this shard's: its manifest and failure log, and its sessions' folders and journals. */
async function shardOwnership(
  corpusRoot: string,
  { shard, sessions }: ShardSessions,
): Promise<(entry: RunDirectoryEntry) => boolean> {
  const folders = new Set<string>();
  for await (const session of sessions) {
    folders.add(relative(corpusRoot, sessionFolder(corpusRoot, session.user.user_id, session.session_id)));
  }
  const files = new Set([failureLogName(shard), basename(manifestFile(corpusRoot, shard))]);
  return (entry) =>
    'folder' in entry ? folders.has(entry.folder) : 'name' in entry && files.has(entry.name);
}

/** Removes folders left empty; a folder still holding anything stays. */
async function removeEmptied(folders: readonly string[]): Promise<void> {
  await Promise.all(
    folders.map((folder) =>
      rmdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST' && error.code !== 'ENOENT') throw error;
      }),
    ),
  );
}
