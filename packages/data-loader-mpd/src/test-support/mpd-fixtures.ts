import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const created: string[] = [];

/** A fresh MPD-like directory (`<tmp>/mpd`, slices in `data/` as the archive unpacks). */
export async function createMpdDirectory(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'tp2dg-mpd-'));
  created.push(root);
  const dir = path.join(root, 'mpd');
  await mkdir(path.join(dir, 'data'), { recursive: true });
  return dir;
}

export async function removeMpdDirectories(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A 22-character base-62-looking Spotify id for track number `n`. */
export const spotifyId = (n: number) => `7ouMYWpwJ${n.toString(36).padStart(13, '0')}`;

/** A track entry with every field the MPD has. */
export function trackEntry(
  n: number,
  pos: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    pos,
    artist_name: `Artist ${n % 7}`,
    track_uri: `spotify:track:${spotifyId(n)}`,
    artist_uri: `spotify:artist:${spotifyId(1000 + (n % 7))}`,
    track_name: `Song ${n}`,
    album_uri: `spotify:album:${spotifyId(2000 + (n % 11))}`,
    duration_ms: 180000 + n,
    album_name: `Album ${n % 11}`,
    ...extra,
  };
}

/** A playlist of the given track numbers, in order, with the MPD's playlist fields. */
export function playlist(pid: number, trackNumbers: number[], extra: Record<string, unknown> = {}) {
  return {
    name: `Playlist ${pid}`,
    collaborative: 'false',
    pid,
    modified_at: 1_500_000_000 + pid * 86_400,
    num_tracks: trackNumbers.length,
    num_albums: 3,
    num_followers: 1,
    num_edits: 2,
    duration_ms: 180000 * trackNumbers.length,
    num_artists: 3,
    tracks: trackNumbers.map((n, pos) => trackEntry(n, pos)),
    ...extra,
  };
}

export const range = (first: number, count: number) =>
  Array.from({ length: count }, (_, index) => first + index);

/** `data/mpd.slice.<first>-<last>.json`, pretty-printed like the real files; raw text is written as given. */
export async function writeSlice(dir: string, first: number, last: number, playlists: unknown[] | string) {
  const filePath = path.join(dir, 'data', `mpd.slice.${first}-${last}.json`);
  const info = { generated_on: '2017-12-03 08:41:42.057563', slice: `${first}-${last}`, version: 'v1' };
  await writeFile(
    filePath,
    typeof playlists === 'string' ? playlists : JSON.stringify({ info, playlists }, null, 4),
  );
  return filePath;
}
