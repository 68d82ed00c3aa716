import type { Track } from '@tp2dg/entities';
import type { CorpusLayout } from '../layout/corpus-layouts.js';
import type { CorpusFiles } from '../layout/locate-corpus-files.js';
import { readTable } from '../reading/read-table.js';
import type { RowReport } from '../reading/row-report.js';

/**
 * One empty tag list for every corpus track: a corpus of 50 million tracks should not hold
 * 50 million empty arrays. Frozen, because tracks are copied before they leave the loader.
 */
const noTags = Object.freeze([]) as unknown as string[];

/**
 * Tracks by id with the title and artist the tracks file gives, shared between sessions
 * (the loader copies them before yielding). LFM-2b names the artist in the tracks file; LFM-1b
 * gives an artist id resolved through its artists file. A track whose artist cannot be
 * named is kept with an empty artist, so session building drops it as incomplete.
 */
export async function readTrackNames(files: CorpusFiles, report: RowReport): Promise<Map<string, Track>> {
  const layout: CorpusLayout = files.layout;
  const tracks = new Map<string, Track>();
  if (files.tracks === undefined || layout.tracks === undefined) return tracks;
  const artists = new Map<string, string>();
  if (files.artists !== undefined && layout.artists !== undefined) {
    await readTable(files.artists, layout.artists, report, (row) => {
      artists.set(row.artist_id as string, row.artist_name as string);
    });
  }
  const tracksFile = files.tracks;
  await readTable(tracksFile, layout.tracks, report, (row, line) => {
    const trackId = row.track_id as string;
    if (tracks.has(trackId)) {
      report.skip(tracksFile, line, `track_id ${trackId} repeated`, 'Keep one row per track');
      return;
    }
    const artist = row.artist_name ?? (row.artist_id === undefined ? undefined : artists.get(row.artist_id));
    tracks.set(trackId, {
      track_id: trackId,
      title: row.track_name as string,
      artist: artist ?? '',
      tags: noTags,
    });
  });
  return tracks;
}
