import { z } from 'zod';
import type { TokenUsage } from './usage.js';

/** List prices in USD per 1M tokens, standard (non-batch) tier. */
export const ModelPricesSchema = z.object({
  /** Text input; image input is billed at this rate too. */
  input: z.number().min(0),
  audio_input: z.number().min(0),
  /** Output; thinking tokens are billed as output. */
  output: z.number().min(0),
  /** Cached text and image input. */
  cached_input: z.number().min(0),
  cached_audio_input: z.number().min(0),
});
export type ModelPrices = z.infer<typeof ModelPricesSchema>;

/** Prices by model id, with a version that says which prices a cost figure used. */
export const PriceTableSchema = z.object({
  version: z.string().min(1),
  models: z.record(z.string(), ModelPricesSchema),
});
export type PriceTable = z.infer<typeof PriceTableSchema>;

/**
 * Gemini list prices as recorded in the project's GEMINI_NOTES.md (Google AI for
 * Developers pricing page, standard paid tier, gemini-2.5-pro at the <=200k-token
 * prompt tier), copied on 2026-11-25. Prices change: re-check before budgeting, or pass
 * a price file (see `loadPriceTable`). The Batch API halves them; not applied here.
 */
export const DEFAULT_PRICE_TABLE: PriceTable = {
  version: 'gemini-list-prices-2026-11-25',
  models: {
    'gemini-2.5-flash': {
      input: 0.3,
      audio_input: 1.0,
      output: 2.5,
      cached_input: 0.03,
      cached_audio_input: 0.1,
    },
    'gemini-2.5-flash-lite': {
      input: 0.1,
      audio_input: 0.3,
      output: 0.4,
      cached_input: 0.01,
      cached_audio_input: 0.03,
    },
    // Pro has no separate cached-audio price: audio is cached at the ordinary cached rate.
    'gemini-2.5-pro': {
      input: 1.25,
      audio_input: 1.25,
      output: 10.0,
      cached_input: 0.125,
      cached_audio_input: 0.125,
    },
  },
};

/** The model ids the default table knows, for messages and documentation. */
export const PRICED_MODELS: readonly string[] = Object.keys(DEFAULT_PRICE_TABLE.models);

/**
 * List prices of a model, or undefined when unknown. Accepts the bare id, an API
 * resource name (`models/gemini-2.5-flash`) and a stable version (`gemini-2.5-flash-001`,
 * `-latest`). Anything else (`-lite` of another model, dated previews, `-image`, `-tts`)
 * is a different product with different prices, so it stays unknown rather than guessed.
 */
export function priceOf(model: string, table: PriceTable = DEFAULT_PRICE_TABLE): ModelPrices | undefined {
  const id = pricedModelId(model);
  return Object.hasOwn(table.models, id) ? table.models[id] : undefined;
}

/** The id a model is priced under: no `models/` prefix, no stable version suffix, lower case. */
export function pricedModelId(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/^models\//, '')
    .replace(/-(?:\d{3}|latest)$/, '');
}

const PER_TOKEN = 1 / 1_000_000;

/**
 * Cost of one usage record in USD. Input counts exclude the cached tokens (see
 * `TokenUsage`), so each count is billed once, at its own rate.
 */
export function costOfUsage(usage: TokenUsage, prices: ModelPrices): number {
  const cachedInput = usage.cached_text_input + usage.cached_image_input;
  const dollarsPerMillion =
    (usage.text_input + usage.image_input) * prices.input +
    usage.audio_input * prices.audio_input +
    cachedInput * prices.cached_input +
    usage.cached_audio_input * prices.cached_audio_input +
    (usage.output + usage.thinking) * prices.output;
  return dollarsPerMillion * PER_TOKEN;
}
