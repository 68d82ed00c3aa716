import { costOfUsage, DEFAULT_PRICE_TABLE, type PriceTable, priceOf, type TokenUsage } from '@tp2dg/entities';

/**
 * The `--max-cost` ceiling. A conversation starts only if what is spent plus what the
 * running ones and this one will cost, at the mean cost so far, stays within it. Until one
 * conversation has finished there is no mean, so only one runs. Models without a price (the
 * simulated backend) cost nothing. Calls of failed conversations are not counted: their
 * usage is not recorded.
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

  /** What a written conversation cost. */
  record(model: string, usage: TokenUsage): void {
    const prices = priceOf(model, this.prices);
    this.spent += prices === undefined ? 0 : costOfUsage(usage, prices);
    this.measured += 1;
  }

  private allows(): boolean {
    if (this.maxUsd === undefined) return true;
    if (this.measured === 0) return this.running === 0;
    return this.spent + (this.running + 1) * (this.spent / this.measured) <= this.maxUsd;
  }
}
