import { Tp2dgError } from '@tp2dg/entities';
import { normaliseColumnName, type TableSpec } from '../layout/corpus-layouts.js';
import { readLineBatches } from '../reading/read-line-batches.js';
import type { RowReport } from '../reading/row-report.js';
import { parseTimestamp } from './parse-timestamp.js';

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
  const fields: string[] = [];
  for await (const { lines, firstLine } of readLineBatches(file)) {
    for (let offset = 0; offset < lines.length; offset++) {
      const line = lines[offset] as string;
      if (line.length === 0) continue;
      const lineNumber = firstLine + offset;
      if (columns === undefined) {
        const header = columnsOf(line.split('\t').map(normaliseColumnName));
        columns = header ?? columnsOf(spec.columns);
        if (columns === undefined) throw new Error(`unreachable: layout ${file} lacks event columns`);
        if (header !== undefined) continue;
      }
      const count = splitFields(line, columns.needed, fields);
      const userId = fields[columns.user] as string;
      const trackId = fields[columns.track] as string;
      const time = count < columns.needed ? Number.NaN : parseTimestamp(fields[columns.time] as string);
      if (userId === '' || trackId === '' || Number.isNaN(time)) {
        if (lastDataLine === 0) {
          throw new Tp2dgError(
            'INVALID_INPUT',
            `${file}: line ${lineNumber} is neither a header naming ${spec.required.join(', ')} nor a row of ${spec.columns.join(', ')}. Check the file or pass --source-option layout=...`,
          );
        }
        report.skip(
          file,
          lineNumber,
          describeBadRow(count, columns.needed, userId, trackId),
          'Fix or remove the row',
        );
        continue;
      }
      if (current === undefined || current.userId !== userId) {
        if (current !== undefined) {
          finished.set(current.userId, lastDataLine);
          yield finish(current, sorted);
        }
        const earlier = finished.get(userId);
        if (earlier !== undefined) throw interleavedUser(file, userId, earlier, lineNumber);
        current = { userId, trackIds: [], times: [] };
        sorted = true;
      } else if (time < (current.times[current.times.length - 1] as number)) {
        sorted = false;
      }
      current.trackIds.push(trackId);
      current.times.push(time);
      lastDataLine = lineNumber;
    }
  }
  if (current !== undefined) yield finish(current, sorted);
}

/** Fills `fields` with the first `wanted` tab-separated fields; returns how many there were. */
function splitFields(line: string, wanted: number, fields: string[]): number {
  let start = 0;
  for (let index = 0; index < wanted; index++) {
    const end = line.indexOf('\t', start);
    if (end === -1) {
      fields[index] = start <= line.length ? line.slice(start) : '';
      for (let rest = index + 1; rest < wanted; rest++) fields[rest] = '';
      return start <= line.length ? index + 1 : index;
    }
    fields[index] = line.slice(start, end);
    start = end + 1;
  }
  return wanted;
}

function describeBadRow(count: number, needed: number, userId: string, trackId: string): string {
  if (count < needed) return `row has fewer than ${needed} fields (a cut-off or malformed line)`;
  if (userId === '' || trackId === '') return 'row has an empty user_id or track_id';
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
