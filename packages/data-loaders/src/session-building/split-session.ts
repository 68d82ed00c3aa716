import { Tp2dgError } from '@tp2dg/entities';
import type { SessionSplitOptions } from '../spec/v1/index.js';
import { DEFAULT_POOL_CAP } from './session-building-options.js';

export type SessionSplit = { profiling: string[]; pool: string[] } | { skipReason: string };

export interface SplitOptions extends SessionSplitOptions {
  /** The smallest pool worth a conversation (the shared `minPool` option); `minPoolSize` when absent. */
  minPool?: number;
}

/** The smallest pool a session may have: `minPool` if given, else `minPoolSize`, else 1. */
export function effectiveMinPool(options: SplitOptions): number {
  return options.minPool ?? options.minPoolSize ?? 1;
}

/** Rejects sizes that would make every session empty or the split ambiguous. */
export function assertSplitOptions(options: SessionSplitOptions): void {
  const { profileSize, poolSize } = options;
  if (!Number.isInteger(profileSize) || profileSize < 1) {
    throw new Tp2dgError('INVALID_ARGUMENT', `profileSize must be an integer >= 1, got ${profileSize}.`);
  }
  if (poolSize !== undefined && (!Number.isInteger(poolSize) || poolSize < 1)) {
    throw new Tp2dgError('INVALID_ARGUMENT', `poolSize must be an integer >= 1 when given, got ${poolSize}.`);
  }
  const { minPoolSize } = options;
  if (minPoolSize !== undefined && (!Number.isInteger(minPoolSize) || minPoolSize < 1)) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `minPoolSize must be an integer >= 1 when given, got ${minPoolSize}.`,
    );
  }
}

/** Why a session of `distinct` tracks (`withRepeats` counting replays) is too short to split. */
export function describeTooShort(distinct: number, withRepeats: number, options: SplitOptions): string {
  const minPool = effectiveMinPool(options);
  const repeats = distinct < withRepeats ? ` (${withRepeats} with repeats)` : '';
  return `has ${distinct} distinct tracks${repeats}; needs at least ${options.profileSize + minPool} (${options.profileSize} profiling + ${minPool} pool)`;
}

/**
 * The first `profileSize` distinct tracks (in session order) are what the listener liked;
 * the rest, capped at `poolSize` (or DEFAULT_POOL_CAP), is the pool. A replayed track counts
 * once, as listening sessions repeat songs. A session without room for `minPool` pool tracks
 * is skipped, not failed: real corpora have many short sessions and one should not stop a run.
 */
export function splitSession(trackIds: readonly string[], options: SplitOptions): SessionSplit {
  const distinct = [...new Set(trackIds)];
  if (distinct.length < options.profileSize + effectiveMinPool(options)) {
    return { skipReason: describeTooShort(distinct.length, trackIds.length, options) };
  }
  const rest = distinct.slice(options.profileSize);
  return {
    profiling: distinct.slice(0, options.profileSize),
    pool: rest.slice(0, options.poolSize ?? DEFAULT_POOL_CAP),
  };
}
