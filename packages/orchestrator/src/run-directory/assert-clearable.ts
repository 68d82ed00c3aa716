import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInsideDirectory, Tp2dgError } from '@tp2dg/entities';

/**
 * `--fresh` deletes inside the run directory, so the run directory must not be, or hold, the
 * corpus or the working directory: an empty or odd `--model`, `--output-dir` or `--data` can
 * put them there. Checked on real paths (a link is judged by where it leads), before anything
 * is written.
 */
export async function assertClearable(
  corpusRoot: string,
  dataDir: string | undefined,
  workingDirectory: string = process.cwd(),
): Promise<void> {
  const runDirectory = await realpath(corpusRoot).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
  // Nothing there yet: nothing to clear, and nothing it could hold.
  if (runDirectory === undefined) return;
  const protectedFolders = [
    { what: 'the corpus directory (--data)', folder: dataDir },
    { what: 'the working directory', folder: workingDirectory },
  ];
  for (const { what, folder } of protectedFolders) {
    if (folder === undefined) continue;
    const real = await realpath(folder).catch(() => resolve(folder));
    if (isInsideDirectory(runDirectory, real)) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `${corpusRoot}: --fresh will not clear this run directory: it holds ${what}, ${folder}. ` +
          'Choose another --output-dir or --model.',
      );
    }
  }
}
