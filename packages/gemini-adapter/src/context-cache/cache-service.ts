import type { Content, GoogleGenAI } from '@google/genai';
import { ModelCallError } from '@tp2dg/entities';
import { deleteResources } from '../delete-resources.js';
import type { GeminiRetryEvent } from '../gemini-adapter-options.js';
import { type RetrySettings, runWithRetries } from '../run-with-retries.js';

/**
 * Every cache tp2dg makes has a display name that starts so, which is how `--cleanup-uploads`
 * finds the caches of runs whose ledger is gone: the service lists caches by key, not by run.
 */
export const CACHE_DISPLAY_NAME_PREFIX = 'tp2dg-';

/** What a new cache holds and how long it lives. */
export interface CacheSpec {
  displayName: string;
  systemInstruction: string | undefined;
  contents: Content[];
  ttlSeconds: number;
  /** Its tokens as tp2dg estimates them, in case the service does not say. */
  estimatedTokens: number;
}

/** A cache the service made. */
export interface CreatedCache {
  name: string;
  tokens: number;
}

/** The `cachedContents` calls tp2dg makes, each with the adapter's retries. */
export interface CacheService {
  create(
    spec: CacheSpec,
    onRetry: (event: GeminiRetryEvent) => void,
    signal?: AbortSignal,
  ): Promise<CreatedCache>;
  /**
   * Sets a cache's TTL from now, in one attempt: it runs inside a generateContent attempt,
   * whose retries cover it.
   */
  extend(name: string, ttlSeconds: number, signal: AbortSignal): Promise<void>;
  /** The caches among `names` that are gone: deleted now, or already unknown to the service. */
  remove(names: readonly string[]): Promise<string[]>;
  /** The names of the live caches whose display name says tp2dg made them. */
  listOwn(): Promise<string[]>;
}

export function createCacheService(
  client: GoogleGenAI,
  model: string,
  settings: RetrySettings,
): CacheService {
  return {
    async create(spec, onRetry, signal) {
      const created = await runWithRetries(
        (attemptSignal) =>
          client.caches.create({
            model,
            config: {
              displayName: spec.displayName,
              ...(spec.systemInstruction === undefined ? {} : { systemInstruction: spec.systemInstruction }),
              contents: spec.contents,
              ttl: `${spec.ttlSeconds}s`,
              abortSignal: attemptSignal,
            },
          }),
        {
          operation: 'cache',
          description: `Gemini cachedContents.create (${model}, ${spec.displayName})`,
          ...(signal === undefined ? {} : { signal }),
        },
        { ...settings, onRetry },
      );
      if (created.name === undefined) {
        throw new ModelCallError(`Gemini cachedContents.create (${model}) returned no cache name. Retry.`, {
          code: 'MODEL_API',
          status: null,
          retryable: true,
        });
      }
      return { name: created.name, tokens: created.usageMetadata?.totalTokenCount ?? spec.estimatedTokens };
    },
    async extend(name, ttlSeconds, signal) {
      await client.caches.update({ name, config: { ttl: `${ttlSeconds}s`, abortSignal: signal } });
    },
    remove(names) {
      return deleteResources(
        names,
        {
          remove: (name, signal) => client.caches.delete({ name, config: { abortSignal: signal } }),
          describe: (name) => `Gemini cachedContents.delete of ${name}`,
        },
        settings,
      );
    },
    listOwn() {
      return runWithRetries(
        async (signal) => {
          const names: string[] = [];
          for await (const cache of await client.caches.list({
            config: { pageSize: 100, abortSignal: signal },
          })) {
            if (cache.name !== undefined && cache.displayName?.startsWith(CACHE_DISPLAY_NAME_PREFIX)) {
              names.push(cache.name);
            }
          }
          return names;
        },
        { operation: 'cache', description: 'Gemini cachedContents.list' },
        settings,
      );
    },
  };
}
