import { corpusLayouts, type LayoutName } from '../layout/corpus-layouts.js';
import { RowReport } from '../reading/row-report.js';
import { readUserRuns } from './read-user-runs.js';
import { type SessionRule, splitUserRun } from './split-user-run.js';

/** One user's listening session as the log has it, before any metadata is joined. */
export interface ListeningSession {
  /** `{user_id}__{YYYY-MM-DD}` per day, `{user_id}__{YYYY-MM-DD}T{HH:MM:SS}Z` per gap. */
  sessionId: string;
  userId: string;
  /** The UTC day the session starts on, `YYYY-MM-DD`. */
  date: string;
  /** In time order, replays included. */
  trackIds: string[];
}

export interface ReadListeningSessionsOptions {
  /** Which corpus wrote the file: fixes the columns when the file has no header. */
  layout: LayoutName;
  /** Minutes of silence that end a session; one session per UTC day when absent. */
  sessionGap?: number;
  /** Where awkward rows are counted (or, when strict, turned into an error). */
  report?: RowReport;
}

/**
 * Groups a listening-events file (plain, `.gz` or `.bz2`) into sessions, streaming one user
 * at a time: the step of the loader that scales with the log. It needs the log grouped by
 * user, as the corpora ship it, and fails naming the line where a user comes back. Useful
 * on its own to convert a log into another format.
 */
export async function* readListeningSessions(
  file: string,
  options: ReadListeningSessionsOptions,
): AsyncGenerator<ListeningSession> {
  for await (const sessions of readUserSessions(file, options)) yield* sessions;
}

/**
 * The same sessions, one user's at a time: a consumer that handles each session without
 * waiting pays one asynchronous step per user instead of one per session.
 */
export async function* readUserSessions(
  file: string,
  options: ReadListeningSessionsOptions,
): AsyncGenerator<ListeningSession[]> {
  const rule: SessionRule =
    options.sessionGap === undefined ? { kind: 'day' } : { kind: 'gap', gapMinutes: options.sessionGap };
  const report = options.report ?? new RowReport();
  for await (const run of readUserRuns(file, corpusLayouts[options.layout].events, report)) {
    const sessions: ListeningSession[] = [];
    for (const slice of splitUserRun(run, rule)) {
      sessions.push({
        sessionId: slice.sessionId,
        userId: run.userId,
        date: slice.date,
        trackIds: run.trackIds.slice(slice.start, slice.end),
      });
    }
    yield sessions;
  }
}
