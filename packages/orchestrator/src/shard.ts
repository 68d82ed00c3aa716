import { createHash } from 'node:crypto';
import type { Session, Shard } from '@tp2dg/entities';

/**
 * The shard a session belongs to, from a hash of its id: the same on every machine and in
 * any order, so shards never overlap and together cover the corpus.
 */
export function shardOf(sessionId: string, count: number): number {
  return (createHash('sha256').update(sessionId).digest().readUInt32BE(0) % count) + 1;
}

/** Whether a session belongs to this run's part of the corpus (every session without a shard). */
export function inShard(sessionId: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(sessionId, shard.count) === shard.index;
}

/** This run's part of the sessions: all of them, as they are, without a shard. */
export function sessionsInShard(
  sessions: AsyncIterable<Session>,
  shard: Shard | undefined,
): AsyncIterable<Session> {
  return shard === undefined ? sessions : sessionsOfShard(sessions, shard);
}

async function* sessionsOfShard(sessions: AsyncIterable<Session>, shard: Shard): AsyncGenerator<Session> {
  for await (const session of sessions) {
    if (inShard(session.session_id, shard)) yield session;
  }
}
