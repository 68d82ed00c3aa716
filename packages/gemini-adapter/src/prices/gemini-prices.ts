import {
  type ModelFacts,
  type PriceTable,
  type PriceTableDefaults,
  PriceTableSchema,
  pricedModel,
} from '@tp2dg/entities';
import table from '../../data/gemini-prices.json' with { type: 'json' };

/**
 * Gemini list prices and token facts from `data/gemini-prices.json` (standard paid tier; each
 * model names its source pages and the day they were read). Prices change: re-check before
 * budgeting, or pass a price file (see `loadPriceTable` of the entities). Checked against the
 * schema on load, so an edit that breaks the file fails at once rather than pricing a run wrongly.
 */
export const GEMINI_PRICE_TABLE: PriceTable = PriceTableSchema.parse(table);

/**
 * What is assumed of a Gemini model the table does not list. Nothing is sent it that it might
 * refuse (no media resolution per part), and an image counts as a Gemini 3 image at its default
 * resolution, the most a current model bills, so a rate limit is not overrun on a guess.
 * Its thinking is unknown: it is refused where that matters (`--dry-run`, `--max-cost`).
 */
export const UNLISTED_GEMINI_MODEL_FACTS: ModelFacts = Object.freeze({
  media: {
    audio_tokens_per_second: 32,
    image_tokens: { low: 1120, medium: 1120, high: 1120 },
    default_media_resolution: 'high',
    media_resolution_per_part: false,
  },
  thinking: {
    default_tokens_per_call: 0,
    source: 'unknown: the model is not in the price table',
    least_budget: null,
  },
});

/** Gemini's table, and what a `--prices` file is read against: its models, the unlisted facts, its format. */
export const GEMINI_PRICES: PriceTableDefaults = Object.freeze({
  table: GEMINI_PRICE_TABLE,
  unlistedModel: UNLISTED_GEMINI_MODEL_FACTS,
  formatExample: '@tp2dg/gemini-adapter/gemini-prices.json',
});

/** How a model counts media and thinking: the table's entry, or what is assumed of an unlisted one. */
export function modelFactsOf(model: string, prices: PriceTable = GEMINI_PRICE_TABLE): ModelFacts {
  return pricedModel(model, prices) ?? UNLISTED_GEMINI_MODEL_FACTS;
}
