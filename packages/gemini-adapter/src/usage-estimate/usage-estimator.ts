import { estimatePartsTokens, promptEntries } from '@tp2dg/call-quota';
import {
  addTokens,
  type MediaTokenRates,
  type ModalityTokens,
  type ModelPart,
  type ModelRequest,
  NO_TOKENS,
  type TokenUsage,
  textTokens,
  totalTokens,
} from '@tp2dg/entities';
import { withCacheCharge } from '../context-cache/cache-charge.js';
import { cachedPartCount } from '../context-cache/cached-prefix.js';
import { MediaDurations } from '../quota/media-durations.js';
import { billedUsage } from './billed-usage.js';
import { ImplicitCache, servedThroughExplicitCache } from './implicit-cache.js';

/** Estimates what Gemini bills for each call of one conversation, before any call is made. */
export type UsageEstimator = (request: ModelRequest, replyText: string) => Promise<TokenUsage>;

export interface UsageEstimatorOptions {
  /** Audio durations, shared by every conversation of a run so each file is read once. */
  durations?: MediaDurations;
  /** What an image and a second of audio count on the model at the run's media resolution. */
  media: MediaTokenRates;
  /** Thinking tokens counted for every call (see `thinkingTokensPerCall`). */
  thinkingTokensPerCall: number;
  /**
   * Explicit context caching as the adapter does it (`explicitCacheMinTokens`): the model's
   * minimum, and the TTL each cache is made with (`cacheTtlSeconds` of the attempt limit).
   * Absent, only the implicit cache is counted.
   */
  explicitCache?: { minTokens: number; ttlSeconds: number };
}

/**
 * For the `--dry-run` projection: input by modality as the scheduler estimates it, the part of
 * it a cache would serve, output from the reply's length, and the thinking a call is assumed to
 * do: how much a model thinks is not known before it does. With `explicitCache`, a chat call
 * whose prefix reaches the minimum is served from its chat's explicit cache, whose first call
 * also pays the creation and the TTL's storage, as the adapter records them; other calls get
 * what the implicit cache would serve (the history this conversation's earlier calls sent). One
 * estimator per conversation: the caches are the conversation's.
 */
export function createUsageEstimator(options: UsageEstimatorOptions): UsageEstimator {
  const durations = options.durations ?? new MediaDurations();
  const cache = new ImplicitCache();
  /** The explicit caches this conversation made, by what they hold. */
  const made = new Set<string>();
  const tokensOf = (parts: readonly ModelPart[]) =>
    estimatePartsTokens(parts, (path, mimeType) => durations.of(path, mimeType), options.media);
  const sumOf = async (entries: readonly (readonly ModelPart[])[]) =>
    (await Promise.all(entries.map(tokensOf))).reduce(addTokens, NO_TOKENS);

  /** The usage of a request sent through an explicit cache, or undefined when it would not be. */
  async function throughExplicitCache(
    request: ModelRequest,
    tokens: { output: number; thinking: number },
  ): Promise<TokenUsage | undefined> {
    const cut = options.explicitCache === undefined ? 0 : cachedPartCount(request);
    const [first, ...later] = promptEntries({ messages: request.messages });
    if (options.explicitCache === undefined || cut === 0 || first === undefined) return undefined;
    const system =
      request.systemInstruction === undefined
        ? []
        : [[{ kind: 'text' as const, text: request.systemInstruction }]];
    const prefix = [...system, first.slice(0, cut)];
    const cached: ModalityTokens = await sumOf(prefix);
    const cacheTokens = totalTokens(cached);
    if (cacheTokens < options.explicitCache.minTokens) return undefined;
    const key = JSON.stringify(prefix);
    const creation = !made.has(key);
    made.add(key);
    const remainder = await Promise.all(
      [first.slice(cut), ...later].map(async (parts) => ({ content: parts, tokens: await tokensOf(parts) })),
    );
    const sent = remainder.reduce((sum, entry) => addTokens(sum, entry.tokens), NO_TOKENS);
    const served = servedThroughExplicitCache(cached, cache, [
      { content: { cachedContent: key }, tokens: cached },
      ...remainder,
    ]);
    const usage = billedUsage(addTokens(sent, cached), served, tokens);
    const storageTokenSeconds = creation ? cacheTokens * options.explicitCache.ttlSeconds : 0;
    return withCacheCharge(usage, { creation, storageTokenSeconds }, cacheTokens);
  }

  return async (request, replyText) => {
    const tokens = {
      output: textTokens(replyText.length),
      thinking: options.thinkingTokensPerCall,
    };
    const explicit = await throughExplicitCache(request, tokens);
    if (explicit !== undefined) return explicit;
    const entries = await Promise.all(
      promptEntries(request).map(async (parts) => ({ content: parts, tokens: await tokensOf(parts) })),
    );
    const prompt = entries.reduce((sum, entry) => addTokens(sum, entry.tokens), NO_TOKENS);
    return billedUsage(prompt, cache.cachedPrefix(entries), tokens);
  };
}
