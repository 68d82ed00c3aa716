import {
  corpusDirectory,
  createSessionBuilder,
  type DataLoaderOptionsV1,
  type DataLoaderPluginV1,
  type DataLoaderV1,
  parseLoaderOptions,
  type SkippedSession,
} from '@tp2dg/data-loaders';
import { type Session, Tp2dgError } from '@tp2dg/entities';
import { findMpdFiles } from './find-mpd-files.js';
import { mpdLicence } from './mpd-licence.js';
import { MpdOptionsSchema } from './mpd-options.js';
import { toMpdPlaylist } from './mpd-playlist.js';
import { readMpdFile } from './read-mpd-file.js';

/**
 * A loader over the Spotify MPD: each playlist is a session `mpd-<pid>`, its tracks in `pos`
 * order. The files are found here; each slice is read when iteration reaches it, so memory is
 * bounded by one slice. An unreadable slice or playlist is skipped and reported through
 * onSkip, or fails the run with `strict=true`.
 */
export async function createMpdDataLoader(options: DataLoaderOptionsV1): Promise<DataLoaderV1> {
  const parsed = await parseLoaderOptions('mpd', MpdOptionsSchema, options.sourceOptions);
  const builder = createSessionBuilder({ ...options, building: parsed });
  const files = await findMpdFiles(
    corpusDirectory('mpd', parsed.dir, options.dataDir, 'the MPD directory'),
    parsed.set,
  );
  const reported = new Set<string>();
  const report = (skipped: SkippedSession) => {
    // Each skip once per loader, when iteration first reaches it.
    if (reported.has(skipped.sessionId)) return;
    reported.add(skipped.sessionId);
    options.onSkip?.(skipped);
  };
  const unusable = (where: string, problem: string) => {
    if (parsed.strict) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${where}: ${problem}. Fix the record, or drop strict=true to skip such records.`,
      );
    }
    report({ sessionId: where, reason: `${where}: ${problem}` });
  };
  let closed = false;
  return {
    specificationVersion: 'v1',
    id: 'mpd',
    corpus: parsed.set === 'challenge' ? 'mpd-challenge' : 'mpd',
    async *sessions(): AsyncGenerator<Session> {
      if (closed)
        throw new Tp2dgError(
          'INVALID_ARGUMENT',
          'This mpd loader was closed; create a new one to read again.',
        );
      const seen = new Set<number>();
      for (const filePath of files) {
        const file = readMpdFile(filePath);
        if ('problem' in file) {
          unusable(filePath, file.problem);
          continue;
        }
        for (const [index, record] of file.playlists.entries()) {
          const playlist = toMpdPlaylist(record);
          if ('problem' in playlist) {
            unusable(`${filePath}: playlists[${index}]`, playlist.problem);
            continue;
          }
          const pid = Number(playlist.candidate.sessionId.slice(4));
          if (seen.has(pid)) {
            unusable(`${filePath}: playlists[${index}]`, `pid ${pid} appears twice in the corpus`);
            continue;
          }
          seen.add(pid);
          const outcome = builder.build(playlist.candidate, playlist.lookupTrack);
          if (outcome.kind === 'session') yield outcome.session;
          else if (outcome.kind === 'skipped') report(outcome.skipped);
        }
      }
    },
    async close() {
      closed = true;
    },
  };
}

/** The `mpd` plugin: Spotify Million Playlist Dataset slices and challenge set. */
export const mpdDataLoader: DataLoaderPluginV1 = {
  specificationVersion: 'v1',
  name: 'mpd',
  description:
    'Spotify Million Playlist Dataset: mpd.slice.*.json (or challenge_set.json); a playlist is a session mpd-<pid>.',
  create: createMpdDataLoader,
  optionsSchema: MpdOptionsSchema,
  licence: mpdLicence,
};
