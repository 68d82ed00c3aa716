import { createHash } from 'node:crypto';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A deterministic random source: the same seed parts always give the same sequence. */
export interface SeededRandom {
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order (all of them when fewer). */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Seeds from several parts (run seed, session id, purpose) so that each session and
 * each use draws its own stream, independent of the order sessions are processed in.
 */
export function createSeededRandom(...seedParts: ReadonlyArray<string | number>): SeededRandom {
  const digest = createHash('sha256').update(seedParts.join('\u0000')).digest();
  const generator = xoroshiro128plus(digest.readInt32LE(0));
  const int = (maxExclusive: number): number => uniformInt(generator, 0, maxExclusive - 1);
  return {
    int,
    pick(items) {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[int(items.length)] as (typeof items)[number];
    },
    sample(items, count) {
      const copy = [...items];
      // Partial Fisher-Yates: only the first `count` positions are shuffled.
      const taken = Math.min(count, copy.length);
      for (let index = 0; index < taken; index += 1) {
        const swap = index + int(copy.length - index);
        [copy[index], copy[swap]] = [
          copy[swap] as (typeof copy)[number],
          copy[index] as (typeof copy)[number],
        ];
      }
      return copy.slice(0, taken);
    },
  };
}
