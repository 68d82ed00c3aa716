import type { SessionBuilder, SessionOutcome } from '@tp2dg/data-loaders';
import type { Track } from '@tp2dg/entities';
import type { BadLine } from './bad-line.js';
import { type SessionLine, SessionLineSchema } from './jsonl-records.js';
import { parseLine } from './parse-line.js';
import { readLines } from './read-lines.js';
import { toTrackOrProblem } from './read-track-file.js';

export interface SessionLinesSource {
  filePath: string;
  realDataDir: string;
  builder: SessionBuilder;
  /** The side file's tracks; undefined when the header names none. */
  sideTracks: Map<string, Track> | undefined;
}

export type LineOutcome = SessionOutcome | { kind: 'bad'; bad: BadLine };

/** Inline tracks by id (the first of a repeated id wins), or the first problem with one. */
async function inlineTracks(
  line: SessionLine,
  source: SessionLinesSource,
  where: string,
): Promise<Map<string, Track> | string> {
  const tracks = new Map<string, Track>();
  for (const [index, record] of (line.tracks ?? []).entries()) {
    if (tracks.has(record.track_id)) continue;
    const converted = await toTrackOrProblem(record, source.realDataDir, `${where}: tracks[${index}]`);
    if ('problem' in converted)
      return `tracks[${index}] (track_id ${JSON.stringify(record.track_id)}): ${converted.problem}`;
    tracks.set(record.track_id, converted.track);
  }
  return tracks;
}

/**
 * The sessions file after its header, one outcome per line, read as it streams: memory
 * holds one line, the side-file catalogue and the ids seen (to refuse a repeated session).
 */
export async function* readSessionLines(source: SessionLinesSource): AsyncGenerator<LineOutcome> {
  const { filePath, builder } = source;
  const seen = new Map<string, number>();
  for await (const { number, text } of readLines(filePath)) {
    if (number === 1 || text.trim() === '') continue;
    const bad = (problem: string): LineOutcome => ({ kind: 'bad', bad: { filePath, line: number, problem } });
    const parsed = parseLine(text, SessionLineSchema);
    if ('problem' in parsed) {
      yield bad(parsed.problem);
      continue;
    }
    const line = parsed.value;
    const first = seen.get(line.session_id);
    if (first !== undefined) {
      yield bad(
        `session_id ${JSON.stringify(line.session_id)} is already on line ${first}; give each session its own id`,
      );
      continue;
    }
    seen.set(line.session_id, number);
    if (!builder.selects({ sessionId: line.session_id, userId: line.user.user_id, date: line.date }))
      continue;
    let tracks = source.sideTracks;
    if (line.tracks !== undefined) {
      const inline = await inlineTracks(line, source, `${filePath}:${number}`);
      if (typeof inline === 'string') {
        yield bad(inline);
        continue;
      }
      tracks = inline;
    } else if (tracks === undefined) {
      yield bad('"track_ids" needs a tracks file, but the header names no "tracks_file"');
      continue;
    }
    const trackIds = line.track_ids ?? (line.tracks ?? []).map((track) => track.track_id);
    const catalogue = tracks;
    const candidate = { sessionId: line.session_id, user: line.user, trackIds, date: line.date };
    const outcome = builder.build(candidate, (trackId) => catalogue.get(trackId));
    // Side-file tracks are shared between sessions: a copy keeps one caller's edits from the next.
    yield outcome.kind === 'session' && line.track_ids !== undefined
      ? { kind: 'session', session: structuredClone(outcome.session) }
      : outcome;
  }
}
