/**
 * How far ahead of the even pace calls may go: the calls of one second go together, the rest
 * of the minute's follow at the pace, never the whole minute's at once.
 */
export const PACING_BURST_MS = 1000;

/**
 * Spreads a per-minute limit evenly over the minute (the generic cell rate algorithm): each
 * admitted amount books `amount` x (one minute / limit) of the pace's time, and a call may go
 * while that time is at most `PACING_BURST_MS` ahead of now. A sliding window alone lets the
 * whole limit through in the first seconds, then nothing until that minute has passed: the
 * service takes a burst it may shed (429s within the quota), and every call queued behind it
 * waits most of a minute.
 */
export class EvenPacing {
  /** When the booked amounts would all have gone at the even pace. */
  private bookedUntil = Number.NEGATIVE_INFINITY;
  private readonly msPerUnit: number;

  constructor(limitPerMinute: number) {
    this.msPerUnit = 60_000 / limitPerMinute;
  }

  /** Milliseconds from `now` until the next call may go: 0 when it may go now. */
  waitFor(now: number): number {
    return Math.max(0, this.bookedUntil - PACING_BURST_MS - now);
  }

  /** Books an admitted amount at `now`. */
  add(now: number, amount: number): void {
    this.bookedUntil = Math.max(this.bookedUntil, now) + amount * this.msPerUnit;
  }

  /** Rebooks an amount admitted on an estimate once the real one is known. */
  correct(estimated: number, real: number): void {
    this.bookedUntil += (real - estimated) * this.msPerUnit;
  }
}
