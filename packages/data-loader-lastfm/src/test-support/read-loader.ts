import type { SkippedSession } from '@tp2dg/data-loaders';
import type { Session } from '@tp2dg/entities';
import { createLastfmDataLoader, type LastfmDataLoader } from '../create-lastfm-loader.js';

export interface LoaderRead {
  loader: LastfmDataLoader;
  sessions: Session[];
  skipped: SkippedSession[];
}

/** Creates a lastfm loader over `dir` and reads every session. */
export async function readLastfm(
  dir: string,
  sourceOptions: Record<string, unknown> = {},
  split: { profileSize?: number; poolSize?: number } = {},
): Promise<LoaderRead> {
  const skipped: SkippedSession[] = [];
  const loader = await createLastfmDataLoader({
    profileSize: split.profileSize ?? 2,
    poolSize: split.poolSize,
    sourceOptions: { dir, ...sourceOptions },
    onSkip: (skip) => skipped.push(skip),
  });
  const sessions: Session[] = [];
  for await (const session of loader.sessions()) sessions.push(session);
  return { loader, sessions, skipped };
}

export const idsOf = (session: Session | undefined) =>
  session === undefined
    ? []
    : [...session.profiling_tracks, ...session.pool_tracks].map((track) => track.track_id);

/** Error of a promise that must fail. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the promise to fail');
  return outcome;
}
