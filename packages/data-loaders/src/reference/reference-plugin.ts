import path from 'node:path';
import { type Session, Tp2dgError, type Track } from '@tp2dg/entities';
import type {
  DataLoaderOptionsV1,
  DataLoaderPluginV1,
  DataLoaderV1,
  SkippedSession,
} from '../spec/v1/index.js';
import { loadReferenceCorpus } from './load-reference-corpus.js';
import { assertSplitOptions, splitSession } from './split-session.js';

type Planned = { session: Session } | { skipped: SkippedSession };

/**
 * Creates a loader over a reference-format corpus (`users.json`, `tracks.json`,
 * `playlists.json` in `options.dataDir`). Everything is validated here, before the first
 * session, so a bad corpus fails the run before anything is written.
 */
export async function createReferenceDataLoader(options: DataLoaderOptionsV1): Promise<DataLoaderV1> {
  if (options.dataDir === undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      'The reference loader needs a corpus directory: pass --data DIR (with users.json, tracks.json and playlists.json).',
    );
  }
  assertSplitOptions(options);
  const corpus = await loadReferenceCorpus(options.dataDir);
  const trackOf = (trackId: string) => corpus.tracks.get(trackId) as Track;
  let planned: Planned[] | undefined = corpus.playlists.map((playlist): Planned => {
    const split = splitSession(playlist.track_ids, options);
    const sessionId = playlist.session_id;
    if ('skipReason' in split)
      return { skipped: { sessionId, reason: `session "${sessionId}" ${split.skipReason}` } };
    const user = corpus.users.get(playlist.user_id);
    if (user === undefined) throw new Error(`unreachable: user ${playlist.user_id} was checked on load`);
    return {
      session: {
        session_id: sessionId,
        user,
        profiling_tracks: split.profiling.map(trackOf),
        pool_tracks: split.pool.map(trackOf),
      },
    };
  });
  const sessionCount = planned.filter((entry) => 'session' in entry).length;
  // A skip is reported once, when iteration first reaches it, so a run that stops early
  // (a session limit) counts only the skips it actually passed.
  const reported = new Set<string>();

  return {
    specificationVersion: 'v1',
    id: 'reference',
    corpus: path.basename(corpus.dataDir),
    async *sessions() {
      if (planned === undefined) {
        throw new Tp2dgError(
          'INVALID_ARGUMENT',
          'This reference loader was closed; create a new one to read again.',
        );
      }
      for (const entry of planned) {
        if ('session' in entry) {
          // A copy, so a caller that edits a session cannot change what the next reader sees.
          yield structuredClone(entry.session);
        } else if (!reported.has(entry.skipped.sessionId)) {
          reported.add(entry.skipped.sessionId);
          options.onSkip?.(entry.skipped);
        }
      }
    },
    async count() {
      return sessionCount;
    },
    async close() {
      planned = undefined;
    },
  };
}

/** The built-in plugin for the reference pipeline's JSON format; registered as `reference`. */
export const referenceDataLoader: DataLoaderPluginV1 = {
  specificationVersion: 'v1',
  name: 'reference',
  description: 'The reference pipeline format: users.json, tracks.json and playlists.json in --data DIR.',
  create: createReferenceDataLoader,
};
