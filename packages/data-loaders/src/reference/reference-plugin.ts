import path from 'node:path';
import { type Session, Tp2dgError } from '@tp2dg/entities';
import { z } from 'zod';
import { createSessionBuilder } from '../session-building/build-session.js';
import { parseLoaderOptions } from '../session-building/parse-loader-options.js';
import { SessionBuildingOptionsSchema } from '../session-building/session-building-options.js';
import type {
  DataLoaderOptionsV1,
  DataLoaderPluginV1,
  DataLoaderV1,
  SkippedSession,
} from '../spec/v1/index.js';
import { loadReferenceCorpus } from './load-reference-corpus.js';

type Planned = { session: Session } | { skipped: SkippedSession };

/** The reference format has no options of its own: only the shared session-building ones. */
const ReferenceOptionsSchema = z.strictObject(SessionBuildingOptionsSchema.shape);

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
  const building = await parseLoaderOptions('reference', ReferenceOptionsSchema, options.sourceOptions);
  const builder = createSessionBuilder({ ...options, building });
  const corpus = await loadReferenceCorpus(options.dataDir);
  let planned: Planned[] | undefined = corpus.playlists.flatMap((playlist): Planned[] => {
    const user = corpus.users.get(playlist.user_id);
    if (user === undefined) throw new Error(`unreachable: user ${playlist.user_id} was checked on load`);
    const candidate = { sessionId: playlist.session_id, user, trackIds: playlist.track_ids };
    const outcome = builder.build(candidate, (trackId) => corpus.tracks.get(trackId));
    if (outcome.kind === 'excluded') return [];
    return [outcome.kind === 'session' ? { session: outcome.session } : { skipped: outcome.skipped }];
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
  optionsSchema: ReferenceOptionsSchema,
  licence: {
    name: 'Set by the corpus in --data',
    commercialUse: false,
    redistribution: false,
    summary:
      "The reference format carries whatever corpus was converted into it, under that corpus's terms; until they are checked, treat it as non-commercial and not redistributable. The bundled data/dummy is synthetic, made by tp2dg, and free to use (MIT).",
  },
};
