import { readdir, realpath } from 'node:fs/promises';
import { Tp2dgError } from '@tp2dg/entities';
import { findTable } from '../layout/locate-corpus-files.js';
import { readTable } from '../reading/read-table.js';
import type { RowReport } from '../reading/row-report.js';
import { music4allTables } from './music4all-tables.js';

/** What Music4All knows about one of its tracks. */
export interface Music4AllTrack {
  title?: string;
  artist?: string;
  album?: string;
  genres: string[];
  tags: string[];
  /** ISO 639-1 code as `id_lang` writes it, or its instrumental marker. */
  language?: string;
}

/** A Music4All directory, read once: metadata by id and which media files exist. */
export interface Music4All {
  /** The directory's real path; media must stay inside it. */
  root: string;
  tracks: Map<string, Music4AllTrack>;
  /** Ids with an `audios/<id>.mp3`, and with a `lyrics/<id>.txt`. */
  audioIds: Set<string>;
  lyricsIds: Set<string>;
}

const commaList = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

async function idsWithExtension(directory: string, extension: string): Promise<Set<string>> {
  const names = await readdir(directory).catch(() => [] as string[]);
  return new Set(
    names.filter((name) => name.endsWith(extension)).map((name) => name.slice(0, -extension.length)),
  );
}

/**
 * Reads a Music4All directory: `id_information` is required (titles and artists), the tag,
 * genre and language tables and the `audios/` and `lyrics/` folders are used when present.
 */
export async function readMusic4All(directory: string, report: RowReport): Promise<Music4All> {
  const root = await realpath(directory).catch((error: unknown) => {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `lastfm loader: option "music4all": ${directory}: directory not found. Point it at the unpacked Music4All directory.`,
      { cause: error },
    );
  });
  const entries = new Set(await readdir(root));
  const file = (spec: (typeof music4allTables)[keyof typeof music4allTables]) =>
    findTable(root, entries, spec);
  const informationFile = file(music4allTables.information);
  if (informationFile === undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `lastfm loader: option "music4all": ${root} has no id_information.csv. Point it at the unpacked Music4All directory.`,
    );
  }
  const tracks = new Map<string, Music4AllTrack>();
  const trackOf = (id: string) => {
    let track = tracks.get(id);
    if (track === undefined) {
      track = { genres: [], tags: [] };
      tracks.set(id, track);
    }
    return track;
  };
  await readTable(informationFile, music4allTables.information, report, (row) => {
    Object.assign(trackOf(row.id as string), { title: row.song, artist: row.artist, album: row.album_name });
  });
  const optional = async (
    spec: (typeof music4allTables)[keyof typeof music4allTables],
    onRow: (id: string, value: string | undefined) => void,
  ) => {
    const tableFile = file(spec);
    if (tableFile === undefined) return;
    const column = spec.columns[1] as string;
    await readTable(tableFile, spec, report, (row) => onRow(row.id as string, row[column]));
  };
  // Only ids id_information knows become tracks: a tag row alone has no title to show.
  await optional(music4allTables.tags, (id, value) => {
    if (tracks.has(id)) trackOf(id).tags = commaList(value);
  });
  await optional(music4allTables.genres, (id, value) => {
    if (tracks.has(id)) trackOf(id).genres = commaList(value);
  });
  await optional(music4allTables.language, (id, value) => {
    if (tracks.has(id) && value !== undefined) trackOf(id).language = value.trim();
  });
  const [audioIds, lyricsIds] = await Promise.all([
    idsWithExtension(`${root}/audios`, '.mp3'),
    idsWithExtension(`${root}/lyrics`, '.txt'),
  ]);
  return { root, tracks, audioIds, lyricsIds };
}
