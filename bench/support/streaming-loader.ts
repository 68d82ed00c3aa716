import {
  type DataLoaderOptionsV1,
  type DataLoaderPluginV1,
  type DataLoaderV1,
  referenceDataLoader,
} from '@tp2dg/data-loaders';
import type { Session, Track, UserDemographics } from '@tp2dg/entities';

const TRACKS_PER_SESSION = 15;

/** The users and tracks of a small reference-format corpus, read through the reference loader. */
async function readCorpus(dataDir: string | undefined) {
  // A pool of every other track: nothing is capped away.
  const loader = await referenceDataLoader.create({
    dataDir,
    profileSize: 1,
    poolSize: Number.MAX_SAFE_INTEGER,
  });
  const users = new Map<string, UserDemographics>();
  const tracks = new Map<string, Track>();
  for await (const session of loader.sessions()) {
    users.set(session.user.user_id, session.user);
    for (const track of [...session.profiling_tracks, ...session.pool_tracks])
      tracks.set(track.track_id, track);
  }
  await loader.close?.();
  return { users: [...users.values()], tracks: [...tracks.values()] };
}

/**
 * A loader plugin (spec v1) that makes up `total` sessions one at a time from the users and
 * tracks of a small synthetic corpus in `dataDir`, holding nothing per session: what a run
 * keeps in memory then shows, not the size of a parsed corpus file.
 */
export function createStreamingLoader(total: number): DataLoaderPluginV1 {
  async function create(options: DataLoaderOptionsV1): Promise<DataLoaderV1> {
    const { users, tracks } = await readCorpus(options.dataDir);
    const poolSize = Math.min(
      options.poolSize ?? TRACKS_PER_SESSION,
      TRACKS_PER_SESSION - options.profileSize,
    );

    function sessionAt(index: number): Session {
      const picked = Array.from(
        { length: TRACKS_PER_SESSION },
        (_, offset) => tracks[(index * 7 + offset) % tracks.length] as Track,
      );
      return {
        session_id: `stream-${String(index).padStart(7, '0')}`,
        user: users[index % users.length] as UserDemographics,
        profiling_tracks: picked.slice(0, options.profileSize),
        pool_tracks: picked.slice(options.profileSize, options.profileSize + poolSize),
      };
    }

    return {
      specificationVersion: 'v1',
      id: 'bench-streaming',
      corpus: 'streaming',
      async *sessions() {
        for (let index = 0; index < total; index += 1) yield sessionAt(index);
      },
      count: async () => total,
    };
  }
  return { specificationVersion: 'v1', name: 'bench-streaming', create };
}
