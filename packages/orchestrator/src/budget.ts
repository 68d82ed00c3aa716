/**
 * The `--max-cost` ceiling. A conversation starts only if what is spent plus what the
 * running ones and this one will cost, at the mean cost so far, stays within it. Until one
 * conversation has finished there is no mean, so only one runs. Every paid call counts as
 * soon as it is answered, those of failed conversations too (the mean per finished
 * conversation then carries that waste), and those of running ones, which errs on the side
 * of starting fewer.
 */
export class Budget {
  private spent = 0;
  private measured = 0;
  private running = 0;

  constructor(private readonly maxUsd: number | undefined) {}

  get spentUsd(): number {
    return this.spent;
  }

  /** Reserves a place for one more conversation if the ceiling allows it. */
  tryEnter(): boolean {
    if (!this.allows()) return false;
    this.running += 1;
    return true;
  }

  /** Frees the place of a conversation that ended, whether it was paid for or not. */
  leave(): void {
    this.running -= 1;
  }

  /** What a call cost in USD, as soon as it is answered. */
  spend(usd: number): void {
    this.spent += usd;
  }

  /** A conversation was written: the mean cost per conversation counts it. */
  conversationFinished(): void {
    this.measured += 1;
  }

  private allows(): boolean {
    if (this.maxUsd === undefined) return true;
    if (this.measured === 0) return this.running === 0;
    return this.spent + (this.running + 1) * (this.spent / this.measured) <= this.maxUsd;
  }
}
