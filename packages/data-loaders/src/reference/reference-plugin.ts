import path from 'node:path';
import { Tp2dgError, type UserDemographics } from '@tp2dg/entities';
import { z } from 'zod';
import {
  createSessionBuilder,
  type SessionBuilder,
  type SessionOutcome,
} from '../session-building/build-session.js';
import { parseLoaderOptions } from '../session-building/parse-loader-options.js';
import { SessionBuildingOptionsSchema } from '../session-building/session-building-options.js';
import type { DataLoaderOptionsV1, DataLoaderPluginV1, DataLoaderV1 } from '../spec/v1/index.js';
import { copySession } from './copy-session.js';
import { loadReferenceCorpus, type ReferenceCorpus } from './load-reference-corpus.js';
import { readPlaylists } from './read-playlists.js';

/** The reference format has no options of its own: only the shared session-building ones. */
const ReferenceOptionsSchema = z.strictObject(SessionBuildingOptionsSchema.shape);

/** Each session of playlists.json, as the shared session building decides on it. */
async function* sessionOutcomes(
  corpus: ReferenceCorpus,
  builder: SessionBuilder,
): AsyncGenerator<SessionOutcome> {
  const lookupTrack = (trackId: string) => corpus.tracks.get(trackId);
  for await (const playlist of readPlaylists(corpus)) {
    // readPlaylists yields only sessions whose user is in users.json.
    const user = corpus.users.get(playlist.user_id) as UserDemographics;
    const candidate = {
      sessionId: playlist.session_id,
      user,
      trackIds: playlist.track_ids,
      date: playlist.date,
    };
    yield builder.build(candidate, lookupTrack);
  }
}

/**
 * Creates a loader over a reference-format corpus (`users.json`, `tracks.json`,
 * `playlists.json` in `options.dataDir`). Everything is validated here, before the first
 * session, so a bad corpus fails the run before anything is written: users and tracks are
 * kept, playlists.json is read through once to check it and count its sessions, and then
 * again, a session at a time, as they are taken. Memory holds the users and tracks, the
 * session ids (to find a repeat) and the sessions in flight, whatever the number of sessions.
 */
export async function createReferenceDataLoader(options: DataLoaderOptionsV1): Promise<DataLoaderV1> {
  if (options.dataDir === undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      'The reference loader needs a corpus directory: pass --data DIR (with users.json, tracks.json and playlists.json).',
    );
  }
  const building = await parseLoaderOptions('reference', ReferenceOptionsSchema, options.sourceOptions);
  const builder = createSessionBuilder({ ...options, building });
  const corpus = await loadReferenceCorpus(options.dataDir);
  let sessionCount = 0;
  for await (const outcome of sessionOutcomes(corpus, builder)) {
    if (outcome.kind === 'session') sessionCount += 1;
  }
  // A skip is reported once, when iteration first reaches it, so a run that stops early
  // (a session limit) counts only the skips it actually passed.
  const reported = new Set<string>();
  let closed = false;

  return {
    specificationVersion: 'v1',
    id: 'reference',
    corpus: path.basename(corpus.dataDir),
    async *sessions() {
      if (closed) {
        throw new Tp2dgError(
          'INVALID_ARGUMENT',
          'This reference loader was closed; create a new one to read again.',
        );
      }
      for await (const outcome of sessionOutcomes(corpus, builder)) {
        if (outcome.kind === 'session') {
          // The tracks and users are shared with every other session; a caller may edit its own.
          yield copySession(outcome.session);
        } else if (outcome.kind === 'skipped' && !reported.has(outcome.skipped.sessionId)) {
          reported.add(outcome.skipped.sessionId);
          options.onSkip?.(outcome.skipped);
        }
      }
    },
    async count() {
      return sessionCount;
    },
    async close() {
      closed = true;
    },
  };
}

/** The built-in plugin for the reference pipeline's JSON format; registered as `reference`. */
export const referenceDataLoader: DataLoaderPluginV1 = {
  specificationVersion: 'v1',
  name: 'reference',
  description: 'The reference pipeline format: users.json, tracks.json and playlists.json in --data DIR.',
  create: createReferenceDataLoader,
  optionsSchema: ReferenceOptionsSchema,
  licence: {
    name: 'Set by the corpus in --data',
    commercialUse: false,
    redistribution: false,
    summary:
      "The reference format carries whatever corpus was converted into it, under that corpus's terms; until they are checked, treat it as non-commercial and not redistributable. The bundled demo corpus (@tp2dg/data-dummy) is synthetic, made by tp2dg, and free to use (MIT).",
  },
};
