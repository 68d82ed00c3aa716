import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';

/**
 * The corpus directory a loader reads: its own `dir` option, else `--data`, made absolute.
 * Without either, one error line names the loader, what the directory must hold, and both ways
 * to give it.
 */
export function corpusDirectory(
  loaderName: string,
  dirOption: string | undefined,
  dataDir: string | undefined,
  holding: string,
): string {
  const given = dirOption ?? dataDir;
  if (given === undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `The ${loaderName} loader needs ${holding}. Pass --source-option dir=DIR (or --data DIR).`,
    );
  }
  return path.resolve(given);
}
