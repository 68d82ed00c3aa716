import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { outputWriteError, Tp2dgError } from '@tp2dg/entities';
import { CARD_MARK } from './dataset-card.js';

/**
 * Whether `out` may receive the dataset: absent, empty, or a dataset this exporter wrote
 * (its card carries `CARD_MARK`). Anything else is someone's folder, replaced only with `force`.
 */
export async function checkOutputFolder(out: string, force: boolean): Promise<void> {
  const found = await stat(out).catch(() => undefined);
  if (found === undefined || force) return;
  if (!found.isDirectory()) {
    throw new Tp2dgError('INVALID_ARGUMENT', `--out ${out} is a file, not a folder. Choose another --out.`);
  }
  if ((await readdir(out)).length === 0) return;
  const card = await readFile(join(out, 'README.md'), 'utf8').catch(() => '');
  if (card.includes(CARD_MARK)) return;
  throw new Tp2dgError(
    'INVALID_ARGUMENT',
    `--out ${out} is not empty and holds no dataset tp2dg-export wrote. Choose another --out, or pass --force to replace it.`,
  );
}

/**
 * Writes the dataset into a hidden folder beside `out` and renames it into place, so `out` is
 * always a whole dataset, the previous one or the new one: a kill or an error mid-export
 * leaves at most a `.<name>.partial-*` folder, removed here on error.
 */
export async function writeFolderAtomically(
  out: string,
  write: (staging: string) => Promise<void>,
): Promise<void> {
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staging = join(dirname(out), `.${basename(out)}.partial-${suffix}`);
  try {
    await mkdir(staging, { recursive: true }).catch((error: unknown) => {
      throw outputWriteError(staging, error);
    });
    await write(staging);
    const previous = join(dirname(out), `.${basename(out)}.replaced-${suffix}`);
    const hadPrevious = await rename(out, previous).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw outputWriteError(out, error);
      },
    );
    await rename(staging, out).catch(async (error: unknown) => {
      // Put the previous dataset back rather than leave `out` missing.
      if (hadPrevious) await rename(previous, out).catch(() => undefined);
      throw outputWriteError(out, error);
    });
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
