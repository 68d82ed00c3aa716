import { writeFileSync } from 'node:fs';
import path from 'node:path';

const words = [
  'midnight',
  'summer',
  'river',
  'golden',
  'electric',
  'heart',
  'city',
  'lights',
  'dream',
  'blue',
  'road',
  'fire',
  'ocean',
  'dance',
  'wild',
  'silver',
  'rain',
  'echo',
  'velvet',
  'north',
];
const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A deterministic 22-character base-62 id, like a Spotify id. */
function spotifyId(seed: number): string {
  let value = (seed * 2_654_435_761) % 4_294_967_296;
  let id = '';
  for (let index = 0; index < 22; index++) {
    value = (value * 1_103_515_245 + 12_345) % 2_147_483_648;
    id += base62[value % 62];
  }
  return id;
}

const phrase = (seed: number, count: number) =>
  Array.from({ length: count }, (_, index) => words[(seed * 7 + index * 13) % words.length]).join(' ');

/**
 * Writes MPD slices with every field of the real ones, pretty-printed with 4 spaces as the
 * real files are: 1,000 playlists each, 66 tracks on average (the MPD's mean), ~32 MB a slice.
 * Returns the size in bytes of the files written.
 */
export function writeMpdSlices(dir: string, sliceCount: number): number[] {
  const sizes: number[] = [];
  for (let slice = 0; slice < sliceCount; slice++) {
    const first = slice * 1000;
    const playlists = Array.from({ length: 1000 }, (_, offset) => {
      const pid = first + offset;
      const trackCount = 20 + ((pid * 37) % 93);
      const tracks = Array.from({ length: trackCount }, (_, pos) => {
        const track = (pid * 31 + pos * 977) % 2_000_000;
        const artist = track % 30_000;
        const album = track % 70_000;
        return {
          pos,
          artist_name: phrase(artist, 2),
          track_uri: `spotify:track:${spotifyId(track)}`,
          artist_uri: `spotify:artist:${spotifyId(artist + 5_000_000)}`,
          track_name: phrase(track, 3),
          album_uri: `spotify:album:${spotifyId(album + 9_000_000)}`,
          duration_ms: 150_000 + (track % 120_000),
          album_name: phrase(album, 2),
        };
      });
      return {
        name: phrase(pid, 2),
        collaborative: 'false',
        pid,
        modified_at: 1_400_000_000 + ((pid * 86_400) % 100_000_000),
        num_tracks: trackCount,
        num_albums: Math.ceil(trackCount / 2),
        num_followers: 1 + (pid % 9),
        num_edits: 1 + (pid % 20),
        duration_ms: trackCount * 210_000,
        num_artists: Math.ceil(trackCount / 3),
        tracks,
      };
    });
    const info = {
      generated_on: '2017-12-03 08:41:42.057563',
      slice: `${first}-${first + 999}`,
      version: 'v1',
    };
    const text = JSON.stringify({ info, playlists }, null, 4);
    writeFileSync(path.join(dir, `mpd.slice.${first}-${first + 999}.json`), text);
    sizes.push(Buffer.byteLength(text));
  }
  return sizes;
}
