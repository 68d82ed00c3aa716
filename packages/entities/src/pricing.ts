import { Tp2dgError } from './errors.js';
import type { ModelRates, PricedModel, PriceTable } from './price-table-schema.js';
import type { TokenUsage } from './usage.js';

/** The id a model is priced under: no `models/` prefix, no stable version suffix, lower case. */
export function pricedModelId(model: string): string {
  return model
    .trim()
    .toLowerCase()
    .replace(/^models\//, '')
    .replace(/-(?:\d{3}|latest)$/, '');
}

/**
 * What the table knows of a model, or undefined. Accepts the bare id, an API resource name
 * (`models/<id>`) and a stable version (`<id>-001`, `<id>-latest`). Anything else (`-lite` of
 * another model, dated previews, `-image`, `-tts`) is a different product with different
 * prices, so it stays unknown rather than guessed.
 */
export function pricedModel(model: string, table: PriceTable): PricedModel | undefined {
  const id = pricedModelId(model);
  return Object.hasOwn(table.models, id) ? table.models[id] : undefined;
}

/** `YYYY-MM-DD` of a moment, in UTC: the unit the table dates its prices in. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The rates of `model` that apply on `date`: the last entry from that day or before. */
export function ratesOn(model: PricedModel, date: Date): ModelRates {
  const day = isoDay(date);
  const [first, ...later] = model.rates;
  // The schema guarantees a first entry; the ones after it are in ascending order.
  let applying = first as ModelRates;
  for (const rates of later) if (rates.from !== null && rates.from <= day) applying = rates;
  return applying;
}

/** List prices of a model on a date (today by default), or undefined when the table has none. */
export function priceOf(model: string, table: PriceTable, date: Date = new Date()): ModelRates | undefined {
  const found = pricedModel(model, table);
  return found === undefined ? undefined : ratesOn(found, date);
}

/**
 * Why `option` (`--max-cost`, `--dry-run`) cannot go on: the model has no list price, and
 * counting its calls as free would let a budget or a projection mislead.
 */
export function unpricedModelError(model: string, option: string): Tp2dgError {
  return new Tp2dgError(
    'INVALID_ARGUMENT',
    `${option} needs the list prices of ${model}, which the price table does not have: pass --prices FILE with them (in the format of the provider's price table).`,
  );
}

const PER_TOKEN = 1 / 1_000_000;
const SECONDS_PER_HOUR = 3600;

/** The tokens a call's prompt held, cached ones included: what decides its price tier. */
function promptTokens(usage: TokenUsage): number {
  return (
    usage.text_input +
    usage.image_input +
    usage.audio_input +
    usage.cached_text_input +
    usage.cached_image_input +
    usage.cached_audio_input
  );
}

/** The prices a call is billed at: the long-context tier's when its prompt is past the threshold. */
function billedPrices(usage: TokenUsage, rates: ModelRates) {
  return rates.long_context !== null && promptTokens(usage) > rates.long_context.above_tokens
    ? rates.long_context
    : rates;
}

/** What the input served from a cache costs in one call, at the prices its whole prompt is billed at. */
export function cachedInputCost(usage: TokenUsage, rates: ModelRates): number {
  const cached = billedPrices(usage, rates).cached_input;
  const dollarsPerMillion =
    usage.cached_text_input * cached.text +
    usage.cached_image_input * cached.image +
    usage.cached_audio_input * cached.audio;
  return dollarsPerMillion * PER_TOKEN;
}

/**
 * What keeping an explicit cache cost on one call: its creation at the standard input price and
 * its storage per 1M tokens per hour. Neither depends on the call's tier or prompt length.
 */
export function cacheUpkeepCost(usage: TokenUsage, rates: ModelRates): number {
  const dollarsPerMillion =
    usage.cache_creation_text_input * rates.input.text +
    usage.cache_creation_image_input * rates.input.image +
    usage.cache_creation_audio_input * rates.input.audio +
    (usage.cache_storage_token_seconds / SECONDS_PER_HOUR) * (rates.cache_storage_per_hour ?? 0);
  return dollarsPerMillion * PER_TOKEN;
}

/**
 * What the request itself costs at the standard tier, its explicit cache's upkeep apart. Input
 * counts exclude the cached tokens (see `TokenUsage`), so each count is billed once, at its own
 * rate. A prompt longer than the long-context threshold bills the whole request at those
 * prices, so usage summed over calls must be priced call by call.
 */
export function requestCost(usage: TokenUsage, rates: ModelRates): number {
  const tier = billedPrices(usage, rates);
  const dollarsPerMillion =
    usage.text_input * tier.input.text +
    usage.image_input * tier.input.image +
    usage.audio_input * tier.input.audio +
    (usage.output + usage.thinking) * tier.output;
  return dollarsPerMillion * PER_TOKEN + cachedInputCost(usage, rates);
}

/** Cost of one call in USD at the standard tier (`costAtTier` applies another): the request and its cache's upkeep. */
export function costOfCall(usage: TokenUsage, rates: ModelRates): number {
  return requestCost(usage, rates) + cacheUpkeepCost(usage, rates);
}
