import { utcDate } from './parse-timestamp.js';
import type { UserRun } from './read-user-runs.js';

/** How a user's events become sessions: one per UTC calendar day, or cut at a silence. */
export type SessionRule = { kind: 'day' } | { kind: 'gap'; gapMinutes: number };

/** A slice of one user's run: events `start` (inclusive) to `end` (exclusive). */
export interface RunSession {
  sessionId: string;
  /** The UTC day the session starts on, `YYYY-MM-DD`. */
  date: string;
  start: number;
  end: number;
}

const dayMilliseconds = 86_400_000;

/**
 * Cuts a time-sorted run into sessions. Day sessions get the paper's `{user_id}__{YYYY-MM-DD}`
 * ids; gap sessions, several of which can share a day, add the start time
 * (`{user_id}__{YYYY-MM-DD}T{HH:MM:SS}Z`), unique because each starts after a silence.
 */
export function* splitUserRun(run: UserRun, rule: SessionRule): Generator<RunSession> {
  const { times } = run;
  const gap = rule.kind === 'gap' ? rule.gapMinutes * 60_000 : 0;
  let start = 0;
  for (let index = 1; index <= times.length; index++) {
    const previous = times[index - 1] as number;
    const time = times[index];
    const cut =
      time === undefined ||
      (rule.kind === 'day'
        ? Math.floor(time / dayMilliseconds) !== Math.floor(previous / dayMilliseconds)
        : time - previous > gap);
    if (!cut) continue;
    const startTime = times[start] as number;
    const date = utcDate(startTime);
    const suffix = rule.kind === 'day' ? date : `${new Date(startTime).toISOString().slice(0, 19)}Z`;
    yield { sessionId: `${run.userId}__${suffix}`, date, start, end: index };
    start = index;
  }
}
