import path from 'node:path';
import {
  type CorpusLicence,
  createSessionBuilder,
  type DataLoaderOptionsV1,
  type DataLoaderV1,
  parseLoaderOptions,
} from '@tp2dg/data-loaders';
import { type Session, Tp2dgError } from '@tp2dg/entities';
import { buildBoundedSession, copyTrack } from './build-bounded-session.js';
import { readUserSessions } from './events/read-listening-sessions.js';
import type { LayoutName } from './layout/corpus-layouts.js';
import { lastfmLicencesFor } from './licences.js';
import { toUserDemographics } from './metadata/to-user-demographics.js';
import { openLastfmCorpus } from './open-lastfm-corpus.js';
import { lastfmOptionsSchema } from './options/lastfm-options.js';
import { RowReport, type SkippedRows } from './reading/row-report.js';

/** The lastfm loader: spec v1 plus what it found out about the corpus. */
export interface LastfmDataLoader extends DataLoaderV1 {
  /** The layout read (given, or detected from the events file's name). */
  readonly layout: LayoutName;
  /** The terms of the corpora this run reads (events, joined users, Music4All). */
  readonly licences: CorpusLicence[];
  /** Awkward rows skipped so far, by file and reason (see the README's policy). */
  skippedRows(): SkippedRows[];
}

/**
 * Creates a loader over a Last.fm-style listening log. Users, track names and Music4All
 * are read here; events are streamed by `sessions()`, one user at a time, so a log of
 * billions of events needs the memory of its largest user. There is no `count()`: knowing
 * the number of sessions would mean reading the whole log before the first one.
 */
export async function createLastfmDataLoader(options: DataLoaderOptionsV1): Promise<LastfmDataLoader> {
  const own = await parseLoaderOptions('lastfm', lastfmOptionsSchema, options.sourceOptions);
  const builder = createSessionBuilder({
    profileSize: options.profileSize,
    poolSize: options.poolSize,
    minPoolSize: options.minPoolSize,
    building: own,
  });
  const report = new RowReport(own.strict);
  const corpus = await openLastfmCorpus(options.dataDir, own, report);
  const { files, users, catalogue } = corpus;
  // Skips are reported once each, in reading order: a later pass reports only those past
  // the furthest point an earlier pass reached, which takes no memory per session.
  let skipsReported = 0;
  let closed = false;

  async function* sessions(): AsyncGenerator<Session> {
    if (closed) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        'This lastfm loader was closed; create a new one to read again.',
      );
    }
    report.resetFile(files.events);
    let skipsSeen = 0;
    let user = toUserDemographics('', undefined);
    const log = readUserSessions(files.events, {
      layout: files.layout.name,
      sessionGap: own.sessionGap,
      report,
    });
    for await (const userSessions of log) {
      for (const { sessionId, userId, date, trackIds } of userSessions) {
        if (!builder.selects({ sessionId, userId, date })) continue;
        if (user.user_id !== userId) user = toUserDemographics(userId, users.get(userId));
        const candidate = { sessionId, user, date, trackIds };
        const outcome = buildBoundedSession(builder, candidate, catalogue.lookup, options);
        if (outcome.kind === 'skipped') {
          skipsSeen += 1;
          if (skipsSeen > skipsReported) {
            skipsReported = skipsSeen;
            options.onSkip?.(outcome.skipped);
          }
        } else if (outcome.kind === 'session') {
          // Tracks and the user are shared between sessions; each yielded session gets copies.
          const session = {
            session_id: sessionId,
            session_date: outcome.session.session_date,
            user: structuredClone(user),
            profiling_tracks: outcome.session.profiling_tracks.map(copyTrack),
            pool_tracks: outcome.session.pool_tracks.map(copyTrack),
          };
          if (catalogue.hasMedia) {
            await Promise.all(
              [...session.profiling_tracks, ...session.pool_tracks].map(catalogue.attachMedia),
            );
          }
          yield session;
        }
      }
    }
  }

  return {
    specificationVersion: 'v1',
    id: 'lastfm',
    corpus: path.basename(corpus.dir),
    layout: files.layout.name,
    licences: lastfmLicencesFor(files.layout.name, {
      lfm2bUsers: files.layout.name === 'onion' && files.users !== undefined,
      music4all: corpus.music4all !== undefined,
    }),
    sessions,
    skippedRows: () => report.entries(),
    async close() {
      closed = true;
    },
  };
}
