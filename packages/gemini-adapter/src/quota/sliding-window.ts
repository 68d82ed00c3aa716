/** One use of a quota, counted from `at` until `at` plus the window's length. */
export interface WindowEntry {
  at: number;
  amount: number;
}

/** The length of Gemini's rate windows: its limits are per minute. */
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

  /** Counts `amount` from `now`; the entry can be corrected later with `update`. */
  add(now: number, amount: number): WindowEntry {
    const entry = { at: now, amount };
    this.entries.add(entry);
    return entry;
  }

  /**
   * Corrects an entry: the real amount once the service reported it, and the moment it was
   * surely counted. An entry that expired meanwhile (a call longer than the window) comes back.
   */
  update(entry: WindowEntry, amount: number, at: number): void {
    entry.amount = amount;
    entry.at = at;
    this.entries.add(entry);
  }

  /**
   * How long from `now` until `amount` more fits under the limit; 0 when it fits now. An
   * amount larger than the whole limit waits for an empty window and then goes alone, so a
   * huge request is slow but never stalls the queue forever.
   */
  waitFor(now: number, amount: number): number {
    let excess = this.used(now) + amount - this.limit;
    if (excess <= 0) return 0;
    const oldestFirst = [...this.entries].sort((left, right) => left.at - right.at);
    for (const entry of oldestFirst) {
      excess -= entry.amount;
      if (excess <= 0) return entry.at + this.windowMs - now;
    }
    const newest = oldestFirst.at(-1);
    return newest === undefined ? 0 : newest.at + this.windowMs - now;
  }

  private expire(now: number): void {
    for (const entry of this.entries) {
      if (entry.at + this.windowMs <= now) this.entries.delete(entry);
    }
  }
}
