import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import {
  type CorpusLayout,
  corpusLayouts,
  type LayoutName,
  layoutNames,
  type TableSpec,
} from './corpus-layouts.js';

/** The files of one corpus found in its directory (absolute paths). */
export interface CorpusFiles {
  layout: CorpusLayout;
  events: string;
  users?: string;
  tracks?: string;
  artists?: string;
}

const compressions = ['', '.gz', '.bz2'];

/** The first of a table's names present in the directory, plain or compressed. */
export function findTable(dir: string, entries: ReadonlySet<string>, spec: TableSpec): string | undefined {
  for (const fileName of spec.fileNames) {
    for (const compression of compressions) {
      if (entries.has(fileName + compression)) return path.join(dir, fileName + compression);
    }
  }
  return undefined;
}

const eventNames = (layout: CorpusLayout) => layout.events.fileNames.map((name) => `${name}[.gz|.bz2]`);

/**
 * Finds the corpus's tables in `dir`. With `layout: 'auto'` the layout is the one whose
 * events file is there; none or several is an error asking for `layout=`.
 */
export async function locateCorpusFiles(dir: string, layout: LayoutName | 'auto'): Promise<CorpusFiles> {
  const entries = new Set(
    await readdir(dir).catch((error: unknown) => {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `lastfm loader: ${dir}: corpus directory not found or unreadable. Pass --source-option dir=DIR with the corpus files.`,
        { cause: error },
      );
    }),
  );
  const candidates =
    layout === 'auto'
      ? layoutNames.filter((name) => findTable(dir, entries, corpusLayouts[name].events) !== undefined)
      : [layout];
  if (candidates.length !== 1) {
    const looked = layoutNames.map((name) => `${name}: ${eventNames(corpusLayouts[name]).join(' or ')}`);
    const problem =
      candidates.length === 0
        ? 'no listening-events file found'
        : `events files of several layouts found (${candidates.join(', ')})`;
    throw new Tp2dgError(
      'INVALID_INPUT',
      `lastfm loader: ${dir}: ${problem}; looked for ${looked.join('; ')}. Put one corpus in the directory or pass --source-option layout=${layoutNames.join('|')}.`,
    );
  }
  const chosen = corpusLayouts[candidates[0] as LayoutName];
  const events = findTable(dir, entries, chosen.events);
  if (events === undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `lastfm loader: ${dir}: the ${chosen.name} events file is missing; looked for ${eventNames(chosen).join(' or ')}. Add it or choose another layout.`,
    );
  }
  const optional = (spec: TableSpec | undefined) =>
    spec === undefined ? undefined : findTable(dir, entries, spec);
  return {
    layout: chosen,
    events,
    users: optional(chosen.users),
    tracks: optional(chosen.tracks),
    artists: optional(chosen.artists),
  };
}
