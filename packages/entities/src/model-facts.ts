import { DEFAULT_PRICE_TABLE } from './default-price-table.js';
import type { MediaResolution, ModelFacts, PriceTable } from './price-table-schema.js';
import { pricedModel } from './pricing.js';

/**
 * What is assumed of a model the table does not list. Nothing is sent it that it might refuse
 * (no media resolution per part), and an image counts as a Gemini 3 image at its default
 * resolution, the most a current model bills, so a rate limit is not overrun on a guess.
 * Its thinking is unknown: it is refused where that matters (`--dry-run`, `--max-cost`).
 */
export const UNLISTED_MODEL_FACTS: ModelFacts = Object.freeze({
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

/** How a model counts media and thinking: the table's entry, or what is assumed of an unlisted one. */
export function modelFactsOf(model: string, table: PriceTable = DEFAULT_PRICE_TABLE): ModelFacts {
  return pricedModel(model, table) ?? UNLISTED_MODEL_FACTS;
}

/**
 * The resolution a model reads images at when tp2dg asks for `requested`: the one asked for
 * where the model takes it per part, its default otherwise (or when none is asked for).
 */
export function effectiveMediaResolution(
  facts: ModelFacts,
  requested: MediaResolution | undefined,
): MediaResolution {
  return facts.media.media_resolution_per_part && requested !== undefined
    ? requested
    : facts.media.default_media_resolution;
}

/** The tokens one image costs on the model when tp2dg asks for `requested`. */
export function imageTokensOf(facts: ModelFacts, requested: MediaResolution | undefined): number {
  return facts.media.image_tokens[effectiveMediaResolution(facts, requested)];
}

/** What one image and one second of audio count on a model, at the media resolution a run asks for. */
export interface MediaTokenRates {
  image: number;
  audioPerSecond: number;
}

export function mediaTokenRatesOf(
  facts: ModelFacts,
  requested: MediaResolution | undefined,
): MediaTokenRates {
  return { image: imageTokensOf(facts, requested), audioPerSecond: facts.media.audio_tokens_per_second };
}

/**
 * Thinking tokens counted for one call: the whole budget when one is set (it is a ceiling, so
 * this is the most a call can think), the model's default figure otherwise.
 */
export function thinkingTokensPerCall(facts: ModelFacts, thinkingBudget: number | undefined): number {
  return thinkingBudget ?? facts.thinking.default_tokens_per_call;
}

/**
 * What `--thinking-budget` asks for: a number of tokens, `model` (send none: the model thinks as
 * it would), or `least` (the smallest budget the model accepts).
 */
export type ThinkingChoice = number | 'least' | 'model';

/**
 * The thinking budget sent with every call, or undefined to send none. `least` is the least
 * budget the table gives for the model, and none where it gives none, so a model whose
 * minimum is unknown is never sent a budget it may refuse.
 */
export function thinkingBudgetOf(facts: ModelFacts, choice: ThinkingChoice): number | undefined {
  if (choice === 'model') return undefined;
  if (choice === 'least') return facts.thinking.least_budget ?? undefined;
  return choice;
}
