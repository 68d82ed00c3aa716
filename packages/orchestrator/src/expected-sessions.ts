import type { DataLoaderV1 } from '@tp2dg/data-loaders';
import type { RunGenerationOptions } from './run-types.js';

/** How many sessions the run will take, for progress and ETA; undefined when unknown. */
export async function expectedSessions(
  loader: DataLoaderV1,
  options: RunGenerationOptions,
): Promise<number | undefined> {
  const counted = await loader.count?.();
  if (counted === undefined) return options.sessions;
  // A shard holds about its share of the sessions: hashing spreads them evenly.
  const inShard = options.shard === undefined ? counted : Math.round(counted / options.shard.count);
  return options.sessions === undefined ? inShard : Math.min(options.sessions, inShard);
}
