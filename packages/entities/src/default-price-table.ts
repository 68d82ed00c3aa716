import table from '../data/gemini-prices.json' with { type: 'json' };
import { type PriceTable, PriceTableSchema } from './price-table-schema.js';

/**
 * Gemini list prices and token facts from `data/gemini-prices.json` (standard paid tier; each
 * model names its source pages and the day they were read). Prices change: re-check before
 * budgeting, or pass a price file (see `loadPriceTable`). Checked against the schema on load,
 * so an edit that breaks the file fails at once rather than pricing a run wrongly.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = PriceTableSchema.parse(table);
