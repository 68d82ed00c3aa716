/** One use of a quota, counted from `at` until `at` plus the window's length. */
export interface WindowEntry {
  at: number;
  amount: number;
  /**
   * Still in flight: it stays counted until `update` closes it, however long it takes. The
   * service counted it when it arrived, which may be long after it was sent.
   */
  open: boolean;
}

/** The length of the rate windows: providers state their limits per minute. */
export const MINUTE_MS = 60_000;

/**
 * What was used over the last minute, against a limit. A sliding window rather than a token
 * bucket: a bucket drained at the end of one minute and refilled at the start of the next
 * lets twice the limit through within 60 s, which the service's count would refuse.
 */
export class SlidingWindow {
  private readonly entries = new Set<WindowEntry>();

  constructor(
    readonly limit: number,
    private readonly windowMs = MINUTE_MS,
  ) {}

  /** The amount counted at `now`. */
  used(now: number): number {
    this.expire(now);
    let sum = 0;
    for (const entry of this.entries) sum += entry.amount;
    return sum;
  }

  /** Counts `amount` from `now` until `update` closes the entry, and a minute more. */
  add(now: number, amount: number): WindowEntry {
    const entry = { at: now, amount, open: true };
    this.entries.add(entry);
    return entry;
  }

  /**
   * Corrects an entry: the real amount once the service reported it, and the moment it was
   * surely counted; the entry then expires a minute after `at`.
   */
  update(entry: WindowEntry, amount: number, at: number): void {
    entry.amount = amount;
    entry.at = at;
    entry.open = false;
  }

  /**
   * How long from `now` until `amount` more fits under the limit: 0 when it fits now,
   * Infinity when it needs an open entry to close first. An amount larger than the whole
   * limit waits for an empty window and then goes alone, so it is slow but never stalls.
   */
  waitFor(now: number, amount: number): number {
    let excess = this.used(now) + amount - this.limit;
    if (excess <= 0) return 0;
    const expiries = [...this.entries]
      .map((entry) => ({
        amount: entry.amount,
        end: entry.open ? Number.POSITIVE_INFINITY : entry.at + this.windowMs,
      }))
      .sort((left, right) => left.end - right.end);
    for (const { amount: freed, end } of expiries) {
      excess -= freed;
      if (excess <= 0) return end - now;
    }
    return (expiries.at(-1)?.end ?? now) - now;
  }

  private expire(now: number): void {
    for (const entry of this.entries) {
      if (!entry.open && entry.at + this.windowMs <= now) this.entries.delete(entry);
    }
  }
}
