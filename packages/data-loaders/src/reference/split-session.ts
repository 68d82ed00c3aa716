import { Tp2dgError } from '@tp2dg/entities';
import type { SessionSplitOptions } from '../spec/v1/index.js';

export type SessionSplit = { profiling: string[]; pool: string[] } | { skipReason: string };

/** Rejects sizes that would make every session empty or the split ambiguous. */
export function assertSplitOptions(options: SessionSplitOptions): void {
  const { profileSize, poolSize } = options;
  if (!Number.isInteger(profileSize) || profileSize < 1) {
    throw new Tp2dgError('INVALID_ARGUMENT', `profileSize must be an integer >= 1, got ${profileSize}.`);
  }
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1)) {
    throw new Tp2dgError('INVALID_ARGUMENT', `poolSize must be an integer >= 1 when given, got ${poolSize}.`);
  }
}

/**
 * The first `profileSize` distinct tracks (in session order) are what the listener liked;
 * the rest, capped at `poolSize`, is the pool. A replayed track counts once, as listening
 * sessions repeat songs. A session without room for one pool track is skipped, not failed:
 * real corpora have many short sessions and one should not stop a run.
 */
export function splitSession(trackIds: readonly string[], options: SessionSplitOptions): SessionSplit {
  const distinct = [...new Set(trackIds)];
  const needed = options.profileSize + 1;
  if (distinct.length < needed) {
    const repeats = distinct.length < trackIds.length ? ` (${trackIds.length} with repeats)` : '';
    return {
      skipReason: `has ${distinct.length} distinct tracks${repeats}; needs at least ${needed} (${options.profileSize} profiling + 1 pool)`,
    };
  }
  const rest = distinct.slice(options.profileSize);
  return {
    profiling: distinct.slice(0, options.profileSize),
    pool: options.poolSize === undefined ? rest : rest.slice(0, options.poolSize),
  };
}
