import type { MediaTokenRates, ModelRequest, TokenUsage } from '@tp2dg/entities';
import {
  addTokens,
  CHARS_PER_TOKEN,
  estimatePartsTokens,
  NO_TOKENS,
  promptEntries,
} from '../quota/estimate-input-tokens.js';
import { MediaDurations } from '../quota/media-durations.js';
import { billedUsage } from './billed-usage.js';
import { ImplicitCache } from './implicit-cache.js';

/** Estimates what Gemini bills for each call of one conversation, before any call is made. */
export type UsageEstimator = (request: ModelRequest, replyText: string) => Promise<TokenUsage>;

export interface UsageEstimatorOptions {
  /** Audio durations, shared by every conversation of a run so each file is read once. */
  durations?: MediaDurations;
  /** What an image and a second of audio count on the model at the run's media resolution. */
  media: MediaTokenRates;
  /** Thinking tokens counted for every call (see `thinkingTokensPerCall`). */
  thinkingTokensPerCall: number;
}

/**
 * For the `--dry-run` projection: input by modality as the scheduler estimates it, the part of
 * it the implicit cache would serve (the history this conversation's earlier calls sent),
 * output from the reply's length, and the thinking a call is assumed to do: how much a model
 * thinks is not known before it does. One estimator per conversation: the cache is the
 * conversation's.
 */
export function createUsageEstimator(options: UsageEstimatorOptions): UsageEstimator {
  const durations = options.durations ?? new MediaDurations();
  const cache = new ImplicitCache();
  return async (request, replyText) => {
    const entries = await Promise.all(
      promptEntries(request).map(async (parts) => ({
        content: parts,
        tokens: await estimatePartsTokens(
          parts,
          (path, mimeType) => durations.of(path, mimeType),
          options.media,
        ),
      })),
    );
    const prompt = entries.reduce((sum, entry) => addTokens(sum, entry.tokens), NO_TOKENS);
    const cached = cache.cachedPrefix(entries);
    return billedUsage(prompt, cached, {
      output: Math.ceil(replyText.length / CHARS_PER_TOKEN),
      thinking: options.thinkingTokensPerCall,
    });
  };
}
