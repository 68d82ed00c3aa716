import { type TrackRecord, toSessionTrack } from '@tp2dg/data-loaders';
import type { Track } from '@tp2dg/entities';
import type { BadLine } from './bad-line.js';
import { TrackLineSchema } from './jsonl-records.js';
import { parseLine } from './parse-line.js';
import { readLines } from './read-lines.js';

/** A track as the generator sees it, or the problem with its media (a missing clip, a path outside). */
export async function toTrackOrProblem(
  record: TrackRecord,
  realDataDir: string,
  where: string,
): Promise<{ track: Track } | { problem: string }> {
  try {
    return { track: await toSessionTrack(record, realDataDir, where) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The message starts with `where`; the caller names the file and line itself.
    return { problem: message.startsWith(`${where}: `) ? message.slice(where.length + 2) : message };
  }
}

/**
 * The side file of tracks, indexed by id. The catalogue is held in memory (sessions are
 * streamed); a bad line or a repeated id is collected, or thrown by `onBadLine` under `fail`.
 */
export async function readTrackFile(
  filePath: string,
  realDataDir: string,
  onBadLine: (bad: BadLine) => void,
): Promise<Map<string, Track>> {
  const tracks = new Map<string, Track>();
  const lineOf = new Map<string, number>();
  for await (const { number, text } of readLines(filePath)) {
    if (text.trim() === '') continue;
    const bad = (problem: string) => onBadLine({ filePath, line: number, problem });
    const parsed = parseLine(text, TrackLineSchema);
    if ('problem' in parsed) {
      bad(parsed.problem);
      continue;
    }
    const trackId = parsed.value.track_id;
    const first = lineOf.get(trackId);
    if (first !== undefined) {
      bad(`track_id ${JSON.stringify(trackId)} is already on line ${first}; give each track its own id`);
      continue;
    }
    const converted = await toTrackOrProblem(parsed.value, realDataDir, `${filePath}:${number}`);
    if ('problem' in converted) {
      bad(converted.problem);
      continue;
    }
    lineOf.set(trackId, number);
    tracks.set(trackId, converted.track);
  }
  return tracks;
}
