import { resolve } from 'node:path';
import { loadPriceTable, type PriceTable } from '@tp2dg/entities';
import { GEMINI_PRICES } from '@tp2dg/gemini-adapter/planning';
import type { ModelCapabilitiesV1 } from '@tp2dg/model-providers';

/** The list prices and model facts of a command: the built-in table, or it with `--prices FILE` over it. */
export function readPrices(file: string | undefined, cwd: string): Promise<PriceTable> {
  if (file !== undefined) return loadPriceTable(resolve(cwd, file), GEMINI_PRICES);
  return Promise.resolve(GEMINI_PRICES.table);
}

/**
 * The prices a run's calls are billed at. The built-in table lists Gemini's models only, so an
 * `unpriced` provider's model (a chat-completions server's) gets none of it (a model there named
 * like a Gemini one is not billed as Gemini): its cost is unknown and `--max-cost` refuses to
 * run, unless `--prices FILE` prices it.
 */
export function pricesFor(
  prices: PriceTable,
  capabilities: Pick<ModelCapabilitiesV1, 'prices'>,
  file: string | undefined,
): PriceTable {
  return capabilities.prices === 'unpriced' && file === undefined ? { ...prices, models: {} } : prices;
}
