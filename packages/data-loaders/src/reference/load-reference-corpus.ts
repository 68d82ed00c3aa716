import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError, type Track, type UserDemographics } from '@tp2dg/entities';
import { describeRecord, duplicateIdError, parseCorpusRecords } from './parse-corpus-records.js';
import { readCorpusJson } from './read-corpus-json.js';
import { referenceFiles } from './reference-schemas.js';
import { toSessionTrack } from './to-session-track.js';

/** The users and tracks of a reference-format corpus, validated, and where its sessions are. */
export interface ReferenceCorpus {
  dataDir: string;
  users: Map<string, UserDemographics>;
  tracks: Map<string, Track>;
  /** playlists.json, read as its sessions are taken (see `readPlaylists`). */
  playlistsFile: string;
}

/**
 * Reads and checks users.json and tracks.json whole (every session looks its user and tracks
 * up in them) and locates every track's media, before any session is used.
 */
export async function loadReferenceCorpus(dataDirOption: string): Promise<ReferenceCorpus> {
  const dataDir = path.resolve(dataDirOption);
  const realDataDir = await realpath(dataDir).catch((error: unknown) => {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${dataDir}: data directory not found. Pass --data DIR with users.json, tracks.json and playlists.json.`,
      { cause: error },
    );
  });
  const usersFile = path.join(dataDir, referenceFiles.users.fileName);
  const tracksFile = path.join(dataDir, referenceFiles.tracks.fileName);
  const [usersContent, tracksContent] = await Promise.all([
    readCorpusJson(usersFile),
    readCorpusJson(tracksFile),
  ]);
  const userRecords = parseCorpusRecords(usersFile, usersContent, referenceFiles.users);
  const trackRecords = parseCorpusRecords(tracksFile, tracksContent, referenceFiles.tracks);
  const users = indexUnique(usersFile, referenceFiles.users, userRecords, (user) => user.user_id);
  indexUnique(tracksFile, referenceFiles.tracks, trackRecords, (track) => track.track_id);

  const trackList = await Promise.all(
    trackRecords.map((record, index) =>
      toSessionTrack(
        record,
        realDataDir,
        `${tracksFile}: ${describeRecord('tracks', index, 'track_id', record)}`,
      ),
    ),
  );
  const tracks = new Map(trackList.map((track) => [track.track_id, track]));
  return { dataDir, users, tracks, playlistsFile: path.join(dataDir, referenceFiles.playlists.fileName) };
}

/** Indexes records by id; a repeated id is an error because later lookups would be ambiguous. */
function indexUnique<Item>(
  filePath: string,
  spec: { key: string; idField: string },
  items: readonly Item[],
  idOf: (item: Item) => string,
): Map<string, Item> {
  const index = new Map<string, Item>();
  const positions = new Map<string, number>();
  items.forEach((item, position) => {
    const id = idOf(item);
    const first = positions.get(id);
    if (first !== undefined) throw duplicateIdError(filePath, spec, [first, position], id);
    positions.set(id, position);
    index.set(id, item);
  });
  return index;
}
