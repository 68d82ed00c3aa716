/** What an admitted call remembers: the cap generation it started under. */
export interface ConcurrencyTicket {
  readonly generation: number;
}

/**
 * A cap on calls in flight that halves on a 429 and grows back by one for every cap's worth
 * of successes (additive increase, multiplicative decrease, as TCP does). There is no cap
 * until the first 429: before it, the rate windows alone pace the calls. The cap never
 * drops below 1, so calls always go on.
 */
export class AdaptiveConcurrency {
  private capacity = Number.POSITIVE_INFINITY;
  private generation = 0;
  private running = 0;

  /** Calls allowed in flight; Infinity while no 429 has been seen. */
  get cap(): number {
    return Math.floor(this.capacity);
  }

  get inFlight(): number {
    return this.running;
  }

  hasRoom(): boolean {
    return this.running < this.cap;
  }

  start(): ConcurrencyTicket {
    this.running += 1;
    return { generation: this.generation };
  }

  succeeded(_ticket: ConcurrencyTicket): void {
    this.running -= 1;
    if (Number.isFinite(this.capacity)) this.capacity += 1 / this.cap;
  }

  /**
   * Halves what was in flight when the 429 came. Calls that started before the last cut
   * were sent under the old level: their 429s are the same overload, and cutting once per
   * burst keeps ten simultaneous 429s from dropping the cap to 1.
   */
  throttled(ticket: ConcurrencyTicket): void {
    const level = Math.min(this.capacity, this.running);
    this.running -= 1;
    if (ticket.generation < this.generation) return;
    this.capacity = Math.max(1, Math.floor(level / 2));
    this.generation += 1;
  }

  /** Any other end (an error, a timeout, an abort): the slot is free, the cap unchanged. */
  failed(_ticket: ConcurrencyTicket): void {
    this.running -= 1;
  }
}
