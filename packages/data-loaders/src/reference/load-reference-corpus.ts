import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError, type Track, type UserDemographics } from '@tp2dg/entities';
import { describeRecord, parseCorpusRecords } from './parse-corpus-records.js';
import { readCorpusJson } from './read-corpus-json.js';
import { type ReferencePlaylist, referenceFiles } from './reference-schemas.js';
import { toSessionTrack } from './to-session-track.js';

/** A reference-format corpus, fully validated and cross-checked. */
export interface ReferenceCorpus {
  dataDir: string;
  users: Map<string, UserDemographics>;
  tracks: Map<string, Track>;
  playlists: ReferencePlaylist[];
}

/**
 * Reads and checks the whole corpus before any session is used, so a bad record fails
 * the run before it writes anything (and before any model call is paid for).
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
  const filePath = (name: string) => path.join(dataDir, name);
  const [usersContent, tracksContent, playlistsContent] = await Promise.all(
    [referenceFiles.users, referenceFiles.tracks, referenceFiles.playlists].map((spec) =>
      readCorpusJson(filePath(spec.fileName)),
    ),
  );
  const usersFile = filePath(referenceFiles.users.fileName);
  const tracksFile = filePath(referenceFiles.tracks.fileName);
  const playlistsFile = filePath(referenceFiles.playlists.fileName);
  const userRecords = parseCorpusRecords(usersFile, usersContent, referenceFiles.users);
  const trackRecords = parseCorpusRecords(tracksFile, tracksContent, referenceFiles.tracks);
  const playlists = parseCorpusRecords(playlistsFile, playlistsContent, referenceFiles.playlists);

  const users = indexUnique(usersFile, referenceFiles.users, userRecords, (user) => user.user_id);
  indexUnique(tracksFile, referenceFiles.tracks, trackRecords, (track) => track.track_id);
  indexUnique(playlistsFile, referenceFiles.playlists, playlists, (playlist) => playlist.session_id);

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
  for (const playlist of playlists) {
    const session = `${playlistsFile}: session ${JSON.stringify(playlist.session_id)}`;
    if (!users.has(playlist.user_id)) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${session} names user ${JSON.stringify(playlist.user_id)}, which is not in users.json. Add the user or fix the session's user_id.`,
      );
    }
    const unknown = playlist.track_ids.find((trackId) => !tracks.has(trackId));
    if (unknown !== undefined) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${session} names track ${JSON.stringify(unknown)}, which is not in tracks.json. Add the track or remove it from the session.`,
      );
    }
  }
  return { dataDir, users, tracks, playlists };
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
    if (first !== undefined) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${filePath}: ${spec.key}[${first}] and ${spec.key}[${position}] both have ${spec.idField} ${JSON.stringify(id)}. Give each record its own ${spec.idField}.`,
      );
    }
    positions.set(id, position);
    index.set(id, item);
  });
  return index;
}
