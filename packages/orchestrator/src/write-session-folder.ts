import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputWriteError } from '@tp2dg/entities';
import { isFinished, stagingPrefix } from './output-paths.js';

/**
 * Writes all files of a session folder into a hidden staging folder beside it, then
 * renames it into place: readers and resumed runs see the whole folder or none of it.
 * Returns false, keeping the folder already there, when another run finished it first.
 *
 * The file operations are synchronous: a dozen small writes to the page cache block the
 * event loop for well under a millisecond, while each promise operation's thread-pool round
 * trip costs more CPU than its write (bench/overhead).
 */
export async function writeSessionFolder(
  folder: string,
  files: ReadonlyMap<string, string>,
): Promise<boolean> {
  const prefix = stagingPrefix(folder);
  const staging = join(dirname(folder), `${prefix}${randomBytes(4).toString('hex')}`);
  try {
    removeStaleStaging(dirname(folder), prefix);
    mkdirSync(staging, { recursive: true });
    for (const [name, content] of files) writeFileSync(join(staging, name), content);
    renameSync(staging, folder);
    return true;
  } catch (error) {
    // Cleaning up must not hide the error that matters (rm fails too where mkdir did).
    try {
      rmSync(staging, { recursive: true, force: true });
    } catch {
      // Reported below as the original error.
    }
    const code = (error as NodeJS.ErrnoException).code;
    const finishedElsewhere = (code === 'ENOTEMPTY' || code === 'EEXIST') && isFinished(folder);
    if (finishedElsewhere) return false;
    throw outputWriteError(folder, error);
  }
}

/** Staging folders a killed run left for this session: only the run writing it now could own one. */
function removeStaleStaging(parent: string, stagingPrefix: string): void {
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(stagingPrefix)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}
