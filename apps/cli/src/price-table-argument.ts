import { resolve } from 'node:path';
import { DEFAULT_PRICE_TABLE, loadPriceTable, type PriceTable } from '@tp2dg/entities';

/** The list prices and model facts of a command: the built-in table, or it with `--prices FILE` over it. */
export function readPrices(file: string | undefined, cwd: string): Promise<PriceTable> {
  return file === undefined ? Promise.resolve(DEFAULT_PRICE_TABLE) : loadPriceTable(resolve(cwd, file));
}
