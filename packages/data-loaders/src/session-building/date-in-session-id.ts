import { CalendarDateSchema } from './session-building-options.js';

/** The paper's session ids end in the session's day: `{user_id}__{YYYY-MM-DD}`. */
const DATED_ID = /__(\d{4}-\d{2}-\d{2})$/;

/**
 * The day a session id names in the paper's convention (`53726__2011-12-26`), for corpora that
 * date their sessions only that way; undefined for any other id, or a day not on the calendar.
 */
export function dateInSessionId(sessionId: string): string | undefined {
  const day = DATED_ID.exec(sessionId)?.[1];
  return day !== undefined && CalendarDateSchema.safeParse(day).success ? day : undefined;
}
