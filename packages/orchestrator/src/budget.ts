import { costOfUsage, DEFAULT_PRICE_TABLE, type PriceTable, priceOf, type TokenUsage } from '@tp2dg/entities';

/**
 * The `--max-cost` ceiling. A conversation starts only if what is spent plus what the
 * running ones and this one will cost, at the mean cost so far, stays within it. Until one
 * conversation has finished there is no mean, so only one runs. Every paid call counts as
 * soon as it is answered, those of failed conversations too (the mean per finished
 * conversation then carries that waste), and those of running ones, which errs on the side
 * of starting fewer. Models without a price (the simulated backend) cost nothing.
 */
export class Budget {
  private spent = 0;
  private measured = 0;
  private running = 0;

  constructor(
    private readonly maxUsd: number | undefined,
    private readonly prices: PriceTable = DEFAULT_PRICE_TABLE,
  ) {}

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

  /** What a call cost, as soon as it is answered. */
  spend(model: string, usage: TokenUsage): void {
    const prices = priceOf(model, this.prices);
    this.spent += prices === undefined ? 0 : costOfUsage(usage, prices);
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
