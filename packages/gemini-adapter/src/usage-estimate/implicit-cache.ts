import { createHash } from 'node:crypto';
import { addTokens, type ModalityTokens, NO_TOKENS, totalTokens } from '@tp2dg/entities';

/** Gemini caches a repeated prompt prefix implicitly from 1,024 tokens on (Gemini API context caching page). */
export const IMPLICIT_CACHE_MIN_TOKENS = 1024;

/** One unit of a prompt (the system instruction, a message) and its tokens. */
export interface PromptEntry {
  /** What was sent, in any form that is equal exactly when the entry is. */
  content: unknown;
  tokens: ModalityTokens;
}

/**
 * Gemini 2.5's implicit cache as its documentation describes it: a request that begins with
 * what an earlier request began with (system instruction first, then whole messages), for
 * at least the minimum, is billed for that beginning at the cached price. A chat re-sends
 * its history on every call, so most of each call's input is such a beginning. Shared by the
 * emulator's billing and the dry-run projection, so the two model the service alike.
 */
export class ImplicitCache {
  private readonly seen = new Set<string>();

  /** The tokens served from the cache for this prompt; remembers its beginnings for later ones. */
  cachedPrefix(entries: readonly PromptEntry[]): ModalityTokens {
    let key = '';
    let running = NO_TOKENS;
    let cached = NO_TOKENS;
    for (const entry of entries) {
      key = createHash('sha256').update(key).update(JSON.stringify(entry.content)).digest('hex');
      running = addTokens(running, entry.tokens);
      if (this.seen.has(key)) cached = running;
      else this.seen.add(key);
    }
    return totalTokens(cached) >= IMPLICIT_CACHE_MIN_TOKENS ? cached : NO_TOKENS;
  }
}

/**
 * What a request through an explicit cache gets at the cached price: always the cache's tokens,
 * and, when the implicit cache also holds the history that follows it (an earlier call of the
 * chat sent it after the same cache), that history too. `entries` are the cache (one entry,
 * named so that only the same cache matches) and then the request's own contents. The service
 * documents its implicit cache as a prefix cache over what the model reads, and no exception
 * for requests that name a cache; like any implicit hit, this one is assumed, never promised.
 */
export function servedThroughExplicitCache(
  explicit: ModalityTokens,
  cache: Pick<ImplicitCache, 'cachedPrefix'>,
  entries: readonly PromptEntry[],
): ModalityTokens {
  const implicit = cache.cachedPrefix(entries);
  return totalTokens(implicit) > totalTokens(explicit) ? implicit : explicit;
}
