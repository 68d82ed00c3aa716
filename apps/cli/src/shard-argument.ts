import type { Shard } from '@tp2dg/entities';

/** Reads `--shard i/n`: part i (from 1) of n. Throws a message yargs shows as a usage error. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard takes i/n with 1 <= i <= n, such as 2/4 (got ${value})`);
  }
  return { index, count };
}
