import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataLoaderOptionsV1, DataLoaderPluginV1, DataLoaderV1 } from '@tp2dg/data-loaders';
import type { Session, Track } from '@tp2dg/entities';

const TRACKS_PER_SESSION = 15;

interface CorpusTrack {
  track_id: string;
  title: string;
  artist: string;
  album: string;
  genre: string;
  tags: string[];
  audio_path: string;
  image_path: string;
}

interface CorpusUser {
  user_id: string;
  age_group: string;
  gender: string;
  country: string;
  preferred_language: string;
}

/**
 * A loader plugin (spec v1) that makes up `total` sessions one at a time from the users and
 * tracks of a small synthetic corpus in `dataDir`, holding nothing per session: what a run
 * keeps in memory then shows, not the size of a parsed corpus file.
 */
export function createStreamingLoader(total: number): DataLoaderPluginV1 {
  async function create(options: DataLoaderOptionsV1): Promise<DataLoaderV1> {
    const dataDir = options.dataDir ?? '.';
    const read = async <T>(name: string, key: string) =>
      (JSON.parse(await readFile(join(dataDir, name), 'utf8')) as Record<string, T[]>)[key] ?? [];
    const users = await read<CorpusUser>('users.json', 'users');
    const tracks = (await read<CorpusTrack>('tracks.json', 'tracks')).map(
      (track): Track => ({
        track_id: track.track_id,
        title: track.title,
        artist: track.artist,
        album: track.album,
        tags: [track.genre, ...track.tags],
        audio_path: join(dataDir, track.audio_path),
        image_path: join(dataDir, track.image_path),
      }),
    );
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
        user: users[index % users.length] as CorpusUser,
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
