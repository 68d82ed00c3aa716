import type { Session } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { sessionsInShard, shardOf } from './shard.js';

const ids = Array.from({ length: 200 }, (_, index) => `u${index % 7}__2019-01-${index}`);

async function* sessions(): AsyncGenerator<Session> {
  for (const id of ids) yield { session_id: id } as Session;
}

describe('shards', () => {
  it('should put every session in exactly one shard, each shard getting a fair part', async () => {
    const parts: string[][] = [];
    for (let index = 1; index <= 3; index += 1) {
      const part: string[] = [];
      for await (const session of sessionsInShard(sessions(), { index, count: 3 }))
        part.push(session.session_id);
      parts.push(part);
    }
    expect(parts.flat().sort()).toEqual([...ids].sort());
    for (const part of parts) expect(part.length).toBeGreaterThan(40);
  });

  it('should not depend on order or on the other sessions', () => {
    expect(shardOf('u1__2019-01-07', 4)).toBe(shardOf('u1__2019-01-07', 4));
    expect(ids.map((id) => shardOf(id, 1))).toEqual(ids.map(() => 1));
  });
});
