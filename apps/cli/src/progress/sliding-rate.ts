/** How far back a rate looks: long enough to span several sessions finishing, short enough to follow a slowdown. */
export const RATE_WINDOW_MS = 60_000;
/**
 * The least time a rate is measured over. Sessions end in bursts, and a simulated run writes
 * one in about a millisecond: 20 calls over 1 ms would read as 1.2 million a minute.
 */
export const MINIMUM_RATE_SPAN_MS = 10_000;

/**
 * Amounts counted when they happen, read as a rate per minute over the last `RATE_WINDOW_MS`
 * by the clock (over the whole run while it is younger than that), and not at all before the
 * run is `MINIMUM_RATE_SPAN_MS` old.
 */
export class SlidingRate {
  private readonly counted: { at: number; amount: number }[] = [];

  constructor(private readonly started: number) {}

  add(at: number, amount: number): void {
    this.counted.push({ at, amount });
  }

  /** Null while the run is too young for a rate to mean anything. */
  perMinute(now: number): number | null {
    const span = Math.min(now - this.started, RATE_WINDOW_MS);
    if (span < MINIMUM_RATE_SPAN_MS) return null;
    while ((this.counted[0]?.at ?? now) <= now - RATE_WINDOW_MS) this.counted.shift();
    const total = this.counted.reduce((sum, { amount }) => sum + amount, 0);
    return total / (span / 60_000);
  }
}
