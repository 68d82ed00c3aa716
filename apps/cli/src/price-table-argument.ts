import { resolve } from 'node:path';
import { DEFAULT_PRICE_TABLE, loadPriceTable, type PriceTable } from '@tp2dg/entities';

/**
 * The list prices and model facts of a command: the built-in table, or it with `--prices FILE`
 * over it. The built-in table lists Gemini's models only, so a chat-completions server's model
 * gets none of it (a model there named like a Gemini one is not billed as Gemini): unpriced,
 * its cost is unknown and `--max-cost` refuses to run, unless `--prices FILE` prices it.
 */
export function readPrices(file: string | undefined, cwd: string, provider?: string): Promise<PriceTable> {
  if (file !== undefined) return loadPriceTable(resolve(cwd, file));
  return Promise.resolve(
    provider === 'openai-compatible' ? { ...DEFAULT_PRICE_TABLE, models: {} } : DEFAULT_PRICE_TABLE,
  );
}
