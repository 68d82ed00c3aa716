import type { MediaResolution, ModelFacts } from './price-table-schema.js';

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
