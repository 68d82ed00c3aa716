import { readFileSync } from 'node:fs';

export type MpdFile = { playlists: unknown[] } | { problem: string };

/**
 * One slice (or the challenge set) parsed whole: a slice is ~33 MB, far below V8's string
 * limit, and one JSON.parse is about 6x faster than a streaming parser (measured on MPD slices),
 * so memory is bounded by one slice and nothing more. A missing file was listed a moment ago
 * by findMpdFiles; one that vanished since fails with the file system's error.
 */
export function readMpdFile(filePath: string): MpdFile {
  // Read at once: JSON.parse of the slice blocks the event loop for longer than reading it
  // does, so an asynchronous read would not let model calls go on, only cost more (its
  // chunked decoding and waits made the loader 0.76x JSON.parse in bench/mpd; 0.8x+ this way).
  const text = readFileSync(filePath, 'utf8');
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { problem: `not valid JSON (${detail}); the file may be truncated: download or unpack it again` };
  }
  const playlists = (content as { playlists?: unknown } | null)?.playlists;
  if (typeof content !== 'object' || content === null || !Array.isArray(playlists)) {
    return {
      problem:
        'expected an object with a "playlists" array, as in the MPD\'s { "info": ..., "playlists": [...] }',
    };
  }
  return { playlists };
}
