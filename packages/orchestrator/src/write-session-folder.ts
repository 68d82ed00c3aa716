import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';

/**
 * Writes all files of a session folder into a hidden staging folder beside it, then
 * renames it into place: readers and resumed runs see the whole folder or none of it.
 */
export async function writeSessionFolder(folder: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(folder);
  const staging = join(parent, `.${basename(folder)}.partial-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(staging, { recursive: true });
    for (const [name, content] of files) await writeFile(join(staging, name), content);
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw new Tp2dgError(
      'OUTPUT_WRITE',
      `${folder}: could not write the session folder (${(error as Error).message}). Check free space and permissions.`,
      { cause: error },
    );
  }
}
