import type { GoogleGenAI } from '@google/genai';
import type { RetrySettings } from '../run-with-retries.js';
import type { CacheLedger } from './cache-ledger.js';
import { createCacheService } from './cache-service.js';
import { ContextCaches } from './context-caches.js';
import { ConversationCaches, type ConversationCachesOptions } from './conversation-caches.js';

export interface ExplicitCachingOptions {
  client: GoogleGenAI;
  model: string;
  settings: RetrySettings;
  ledger: Promise<CacheLedger>;
  now: () => number;
  /** The model's explicit cache minimum; undefined makes no cache (leftovers are still deleted). */
  minTokens: number | undefined;
  estimateTokens: ConversationCachesOptions['estimateTokens'];
}

/** An adapter's explicit context caches: per conversation, and their cleanup when a run ends. */
export interface ExplicitCaching {
  /** The caches of a new conversation; undefined when no cache is to be made. */
  forConversation(): ConversationCaches | undefined;
  /** Deletes the caches nothing uses any more (see `ContextCaches.deleteLeftovers`). */
  deleteLeftovers(): Promise<number>;
  /** Deletes every cache tp2dg made on this key (see `ContextCaches.deleteAll`). */
  deleteAll(): Promise<number>;
}

export function createExplicitCaching(options: ExplicitCachingOptions): ExplicitCaching {
  const service = createCacheService(options.client, options.model, options.settings);
  const caches = new ContextCaches(service, options.ledger, options.now);
  const { minTokens, model, estimateTokens } = options;
  return {
    forConversation: () =>
      minTokens === undefined
        ? undefined
        : new ConversationCaches({ caches, service, model, minTokens, estimateTokens }),
    deleteLeftovers: () => caches.deleteLeftovers(),
    deleteAll: () => caches.deleteAll(),
  };
}
