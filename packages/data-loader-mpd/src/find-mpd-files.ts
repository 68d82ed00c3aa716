import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';

const slicePattern = /^mpd\.slice\.(\d+)-(\d+)\.json$/;
export const CHALLENGE_FILE = 'challenge_set.json';

async function namesIn(directory: string): Promise<string[]> {
  return readdir(directory).catch(() => []);
}

/**
 * The files of `set` in `dir`, or in `dir/data` as the MPD archive unpacks: slices in the
 * natural order of their ranges (0-999, 1000-1999, ..., not the file system's or a string
 * sort's order), so session order is the corpus's own and stable across machines.
 */
export async function findMpdFiles(dir: string, set: 'slices' | 'challenge'): Promise<string[]> {
  for (const directory of [dir, path.join(dir, 'data')]) {
    const names = await namesIn(directory);
    if (set === 'challenge') {
      if (names.includes(CHALLENGE_FILE)) return [path.join(directory, CHALLENGE_FILE)];
      continue;
    }
    const slices = names
      .map((name) => ({ name, match: slicePattern.exec(name) }))
      .filter((entry) => entry.match !== null)
      .sort((a, b) => Number(a.match?.[1]) - Number(b.match?.[1]));
    if (slices.length > 0) return slices.map((slice) => path.join(directory, slice.name));
  }
  const wanted = set === 'challenge' ? CHALLENGE_FILE : 'mpd.slice.<first>-<last>.json files';
  throw new Tp2dgError(
    'INVALID_INPUT',
    `${dir}: no ${wanted} here or in ${path.join(dir, 'data')}. Pass the MPD directory with --data DIR or --source-option dir=DIR.`,
  );
}
