import { access } from 'node:fs/promises';
import path from 'node:path';
import { corpusDirectory } from '@tp2dg/data-loaders';
import { Tp2dgError } from '@tp2dg/entities';
import { readUserRuns } from './events/read-user-runs.js';
import { type CorpusFiles, locateCorpusFiles } from './layout/locate-corpus-files.js';
import { readTrackNames } from './metadata/read-tracks.js';
import { type CorpusUser, readUsers } from './metadata/read-users.js';
import { createTrackCatalogue, type TrackCatalogue } from './metadata/track-catalogue.js';
import { type Music4All, readMusic4All } from './music4all/read-music4all.js';
import type { LastfmOptions } from './options/lastfm-options.js';
import type { RowReport } from './reading/row-report.js';

/** Everything but the events, read when the loader is created. */
export interface LastfmCorpus {
  dir: string;
  files: CorpusFiles;
  users: Map<string, CorpusUser>;
  catalogue: TrackCatalogue;
  music4all?: Music4All;
}

/** Onion has no track names of its own: Music4All's, from the option or the corpus directory. */
async function music4allDirectory(dir: string, options: LastfmOptions, files: CorpusFiles) {
  if (options.music4all !== undefined) return path.resolve(options.music4all);
  if (files.layout.name !== 'onion') return undefined;
  const besideEvents = await access(path.join(dir, 'id_information.csv')).then(
    () => true,
    () => false,
  );
  if (besideEvents) return dir;
  throw new Tp2dgError(
    'INVALID_INPUT',
    `lastfm loader: ${dir}: Music4All-Onion events carry no track names. Pass --source-option music4all=DIR (the Music4All directory with id_information.csv) or put id_information.csv beside the events.`,
  );
}

/**
 * Finds the corpus files and reads users, track names and Music4All, and checks that the
 * events file opens and starts with a readable row, so a wrong directory, layout or file
 * fails when the loader is created rather than mid-run.
 */
export async function openLastfmCorpus(
  dataDir: string | undefined,
  options: LastfmOptions,
  report: RowReport,
): Promise<LastfmCorpus> {
  const dir = corpusDirectory('lastfm', options.dir, dataDir, 'the directory of its listening-events file');
  const files = await locateCorpusFiles(dir, options.layout);
  const music4allDir = await music4allDirectory(dir, options, files);
  const music4all = music4allDir === undefined ? undefined : await readMusic4All(music4allDir, report);
  if (files.tracks === undefined && music4all === undefined) {
    const names = files.layout.tracks?.fileNames.join(' or ') ?? 'a tracks file';
    throw new Tp2dgError(
      'INVALID_INPUT',
      `lastfm loader: ${dir}: no tracks file (${names}, plain, .gz or .bz2), so no track has a title. Add it or pass --source-option music4all=DIR.`,
    );
  }
  const [users, names] = await Promise.all([
    files.users === undefined || files.layout.users === undefined
      ? new Map<string, CorpusUser>()
      : readUsers(files.users, files.layout.users, report),
    readTrackNames(files, report),
  ]);
  const firstRun = readUserRuns(files.events, files.layout.events, report);
  try {
    await firstRun.next();
  } finally {
    await firstRun.return(undefined);
  }
  return { dir, files, users, catalogue: createTrackCatalogue(names, music4all), music4all };
}
