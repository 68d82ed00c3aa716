import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { isFinished } from './output-paths.js';

/**
 * Writes all files of a session folder into a hidden staging folder beside it, then
 * renames it into place: readers and resumed runs see the whole folder or none of it.
 * Returns false, keeping the folder already there, when another run finished it first.
 */
export async function writeSessionFolder(
  folder: string,
  files: ReadonlyMap<string, string>,
): Promise<boolean> {
  const stagingPrefix = `.${basename(folder)}.partial-`;
  const staging = join(dirname(folder), `${stagingPrefix}${randomBytes(4).toString('hex')}`);
  try {
    await removeStaleStaging(dirname(folder), stagingPrefix);
    await mkdir(staging, { recursive: true });
    for (const [name, content] of files) await writeFile(join(staging, name), content);
    await rename(staging, folder);
    return true;
  } catch (error) {
    // Cleaning up must not hide the error that matters (rm fails too where mkdir did).
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const finishedElsewhere = (code === 'ENOTEMPTY' || code === 'EEXIST') && isFinished(folder);
    if (finishedElsewhere) return false;
    throw new Tp2dgError(
      'OUTPUT_WRITE',
      `${folder}: could not write the session folder (${(error as Error).message}). ` +
        'Check free space and permissions, and move away anything in its place.',
      { cause: error },
    );
  }
}

/** Staging folders a killed run left for this session: only the run writing it now could own one. */
async function removeStaleStaging(parent: string, stagingPrefix: string): Promise<void> {
  const names = await readdir(parent).catch(() => []);
  const stale = names.filter((name) => name.startsWith(stagingPrefix));
  await Promise.all(stale.map((name) => rm(join(parent, name), { recursive: true, force: true })));
}
