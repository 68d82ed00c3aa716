import { resolve } from 'node:path';
import { loadPriceTable, type PriceTable } from '@tp2dg/entities';
import { GEMINI_PRICES } from '@tp2dg/gemini-adapter/planning';

/**
 * The list prices and model facts of a command: the built-in table, or it with `--prices FILE`
 * over it. The built-in table lists Gemini's models only, so a chat-completions server's model
 * gets none of it (a model there named like a Gemini one is not billed as Gemini): unpriced,
 * its cost is unknown and `--max-cost` refuses to run, unless `--prices FILE` prices it.
 */
export function readPrices(file: string | undefined, cwd: string, provider?: string): Promise<PriceTable> {
  if (file !== undefined) return loadPriceTable(resolve(cwd, file), GEMINI_PRICES);
  return Promise.resolve(
    provider === 'openai-compatible' ? { ...GEMINI_PRICES.table, models: {} } : GEMINI_PRICES.table,
  );
}
