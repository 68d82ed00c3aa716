import { Tp2dgError } from '@tp2dg/entities';
import { normaliseColumnName, type TableSpec } from '../layout/corpus-layouts.js';
import { readTextBatches } from '../reading/read-text-batches.js';
import type { RowReport } from '../reading/row-report.js';
import { parseTimestampAt } from './parse-timestamp.js';

/** One user's listening events, sorted by time (stable, so equal times keep file order). */
export interface UserRun {
  userId: string;
  trackIds: string[];
  /** Milliseconds since the epoch, UTC, parallel to `trackIds`. */
  times: number[];
}

interface Columns {
  user: number;
  track: number;
  time: number;
  /** Fields a row needs at least (the furthest wanted column + 1). */
  needed: number;
}

function columnsOf(names: readonly string[]): Columns | undefined {
  const user = names.indexOf('user_id');
  const track = names.indexOf('track_id');
  const time = names.indexOf('timestamp');
  if (user === -1 || track === -1 || time === -1) return undefined;
  return { user, track, time, needed: Math.max(user, track, time) + 1 };
}

/**
 * Streams a listening-events file as one run per user. The corpora ship logs grouped by
 * user, so holding one user's events at a time keeps memory independent of the log's
 * length. A user whose events appear again after another user's is an error naming both
 * lines: grouping would otherwise split their days silently or need the whole log in memory.
 * Bad rows (too few fields, empty id, unreadable time, a cut-off last line) are skipped and
 * counted; the first row must parse, since a bad one there means the wrong layout.
 */
export async function* readUserRuns(
  file: string,
  spec: TableSpec,
  report: RowReport,
): AsyncGenerator<UserRun> {
  let columns: Columns | undefined;
  let current: UserRun | undefined;
  let sorted = true;
  let lastDataLine = 0;
  const finished = new Map<string, number>();
  const bounds: number[] = [];
  for await (const { text, firstLine } of readTextBatches(file)) {
    let lineNumber = firstLine - 1;
    // Rows are read in place in the chunk: only a new user's id and the track id become
    // strings, which keeps the garbage per event, and so the scan's cost, small.
    for (let start = 0; start < text.length; ) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      const next = end + 1;
      lineNumber += 1;
      if (end > start && text.charCodeAt(end - 1) === 13) end -= 1;
      if (end === start) {
        start = next;
        continue;
      }
      if (columns === undefined) {
        const header = columnsOf(text.slice(start, end).split('\t').map(normaliseColumnName));
        columns = header ?? columnsOf(spec.columns);
        if (columns === undefined) throw new Error(`unreachable: layout ${file} lacks event columns`);
        if (header !== undefined) {
          start = next;
          continue;
        }
      }
      const count = fieldBounds(text, start, end, columns.needed, bounds);
      const userStart = bounds[2 * columns.user] as number;
      const userEnd = bounds[2 * columns.user + 1] as number;
      const trackStart = bounds[2 * columns.track] as number;
      const trackEnd = bounds[2 * columns.track + 1] as number;
      const time =
        count < columns.needed
          ? Number.NaN
          : parseTimestampAt(
              text,
              bounds[2 * columns.time] as number,
              bounds[2 * columns.time + 1] as number,
            );
      if (userStart === userEnd || trackStart === trackEnd || Number.isNaN(time)) {
        if (lastDataLine === 0) {
          throw new Tp2dgError(
            'INVALID_INPUT',
            `${file}: line ${lineNumber} is neither a header naming ${spec.required.join(', ')} nor a row of ${spec.columns.join(', ')}. Check the file or pass --source-option layout=...`,
          );
        }
        const reason = describeBadRow(
          count,
          columns.needed,
          userStart === userEnd || trackStart === trackEnd,
        );
        report.skip(file, lineNumber, reason, 'Fix or remove the row');
        start = next;
        continue;
      }
      const sameUser =
        current !== undefined &&
        userEnd - userStart === current.userId.length &&
        text.startsWith(current.userId, userStart);
      if (!sameUser) {
        const userId = text.slice(userStart, userEnd);
        if (current !== undefined) {
          finished.set(current.userId, lastDataLine);
          yield finish(current, sorted);
        }
        const earlier = finished.get(userId);
        if (earlier !== undefined) throw interleavedUser(file, userId, earlier, lineNumber);
        current = { userId, trackIds: [], times: [] };
        sorted = true;
      } else if (time < ((current as UserRun).times.at(-1) as number)) {
        sorted = false;
      }
      const run = current as UserRun;
      run.trackIds.push(text.slice(trackStart, trackEnd));
      run.times.push(time);
      lastDataLine = lineNumber;
      start = next;
    }
  }
  if (current !== undefined) yield finish(current, sorted);
}

/**
 * Fills `bounds` with the start and end of the first `wanted` tab-separated fields of the
 * line `text[start, end)` (missing fields are empty); returns how many fields there were.
 */
function fieldBounds(text: string, start: number, end: number, wanted: number, bounds: number[]): number {
  let fieldStart = start;
  for (let index = 0; index < wanted; index++) {
    if (fieldStart > end) {
      for (let rest = index; rest < wanted; rest++) {
        bounds[2 * rest] = end;
        bounds[2 * rest + 1] = end;
      }
      return index;
    }
    let tab = text.indexOf('\t', fieldStart);
    if (tab === -1 || tab > end) tab = end;
    bounds[2 * index] = fieldStart;
    bounds[2 * index + 1] = tab;
    fieldStart = tab + 1;
  }
  return wanted;
}

function describeBadRow(count: number, needed: number, emptyId: boolean): string {
  if (count < needed) return `row has fewer than ${needed} fields (a cut-off or malformed line)`;
  if (emptyId) return 'row has an empty user_id or track_id';
  return 'row has an unreadable timestamp';
}

function finish(run: UserRun, sorted: boolean): UserRun {
  if (sorted) return run;
  const order = run.times
    .map((_, index) => index)
    .sort((a, b) => (run.times[a] as number) - (run.times[b] as number));
  return {
    userId: run.userId,
    trackIds: order.map((index) => run.trackIds[index] as string),
    times: order.map((index) => run.times[index] as number),
  };
}

function interleavedUser(file: string, userId: string, endedAt: number, line: number): Tp2dgError {
  return new Tp2dgError(
    'INVALID_INPUT',
    `${file}: line ${line}: user ${userId} appears again after other users' events (their earlier events end by line ${endedAt}). This loader reads logs grouped by user, as the corpora ship them; sort the file by user first, e.g. sort -s -t$'\\t' -k1,1.`,
  );
}
