import { createHash } from 'node:crypto';
import type { Session } from '@tp2dg/entities';

/** One part of a corpus split across machines or API projects: part `index` (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The shard a session belongs to, from a hash of its id: the same on every machine and in
 * any order, so shards never overlap and together cover the corpus.
 */
export function shardOf(sessionId: string, count: number): number {
  return (createHash('sha256').update(sessionId).digest().readUInt32BE(0) % count) + 1;
}

/**
 * A run-directory file of this shard's own (`failures.jsonl` -> `failures-shard-2-of-4.jsonl`),
 * so the outputs of several machines merge by directory; the name itself without a shard.
 */
export function shardFileName(stem: string, extension: string, shard: Shard | undefined): string {
  return shard === undefined
    ? `${stem}${extension}`
    : `${stem}-shard-${shard.index}-of-${shard.count}${extension}`;
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

/** Whether `name` is `shardFileName(stem, extension, shard)` for some shard, or for none. */
export function isShardFileName(name: string, stem: string, extension: string): boolean {
  const fits = name.length >= stem.length + extension.length;
  if (!fits || !name.startsWith(stem) || !name.endsWith(extension)) return false;
  const middle = name.slice(stem.length, name.length - extension.length);
  return middle === '' || /^-shard-[1-9]\d*-of-[1-9]\d*$/.test(middle);
}
