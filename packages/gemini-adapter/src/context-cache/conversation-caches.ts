import { createHash } from 'node:crypto';
import type { Content } from '@google/genai';
import { ModelCallError, type ModelMessage, type ModelRequest, type TokenUsage } from '@tp2dg/entities';
import { namesFile } from '../forgotten-resource.js';
import type { GeminiRetryEvent } from '../gemini-adapter-options.js';
import { withCacheCharge } from './cache-charge.js';
import { CACHE_DISPLAY_NAME_PREFIX, type CacheService } from './cache-service.js';
import { cachedPartCount } from './cached-prefix.js';
import type { CacheLease, ContextCaches } from './context-caches.js';

/** A request sent through an explicit cache: what goes on the wire instead, and its upkeep. */
export interface CachedCall {
  /** `cachedContent`: the system instruction and the cached prefix are not sent again. */
  cachedContent: string;
  /** The rest of the first message, then the rest of the history. */
  contents: Content[];
  /** Run before each attempt: extends the cache when the attempt could outlive it. */
  keepAlive(signal: AbortSignal): Promise<void>;
  /** The answer's usage, with what the cache cost that no answered call counted yet. */
  settle(usage: TokenUsage): TokenUsage;
}

export interface ConversationCachesOptions {
  caches: ContextCaches;
  service: CacheService;
  model: string;
  /** The model's explicit cache minimum: a smaller prefix is sent as it is. */
  minTokens: number;
  /** The input tokens of a system instruction and message, as the `tpm` estimate counts them. */
  estimateTokens: (request: Pick<ModelRequest, 'systemInstruction' | 'messages'>) => Promise<number>;
}

/** A chat's cache, decided at its first call: none when its prefix is under the minimum. */
interface ChatCache {
  systemInstruction: string | undefined;
  lease: CacheLease | undefined;
}

/**
 * The explicit caches of one conversation: one per chat whose system instruction and priming
 * message (up to its last media part) reach the model's minimum, made at the chat's first call
 * and used by all its calls, which then send only what follows the prefix. The first call pays
 * the creation (the prefix at the input price, once) instead of sending the prefix, so nothing is
 * paid twice. `close` gives the caches up when the conversation ends, and the last conversation
 * using one deletes it.
 */
export class ConversationCaches {
  /** By each chat's first message, which every call of the chat sends as the same object. */
  private readonly chats = new WeakMap<ModelMessage, ChatCache>();
  private readonly leases = new Set<CacheLease>();

  constructor(private readonly options: ConversationCachesOptions) {}

  /**
   * The cached form of a request whose files are uploaded (`contents`), or undefined to send it
   * as it is. `attemptTimeoutMs`: how long one attempt may take, which the cache must outlive.
   */
  async prepare(
    request: ModelRequest,
    contents: readonly Content[],
    attemptTimeoutMs: number,
    onRetry: (event: GeminiRetryEvent) => void,
  ): Promise<CachedCall | undefined> {
    const cut = cachedPartCount(request);
    const [first, ...rest] = contents;
    if (cut === 0 || first === undefined) return undefined;
    const message = request.messages[0] as ModelMessage;
    let chat = this.chats.get(message);
    // A cache another conversation found gone is made again now, not after a 404.
    if (chat === undefined || chat.systemInstruction !== request.systemInstruction || chat.lease?.gone) {
      chat = await this.open(request, first, cut, attemptTimeoutMs, onRetry);
      this.chats.set(message, chat);
    }
    const lease = chat.lease;
    if (lease === undefined) return undefined;
    const { caches } = this.options;
    return {
      cachedContent: lease.name,
      contents: [{ role: 'user', parts: (first.parts ?? []).slice(cut) }, ...rest],
      keepAlive: (signal) => caches.keepAlive(lease, attemptTimeoutMs, signal),
      settle: (usage) => withCacheCharge(usage, caches.takeCharge(lease), lease.tokens),
    };
  }

  /** The service lost the cache this request used: the next call of its chat makes another. */
  async forget(request: ModelRequest): Promise<void> {
    const message = request.messages[0];
    const lease = message === undefined ? undefined : this.chats.get(message)?.lease;
    if (message === undefined || lease === undefined) return;
    this.chats.delete(message);
    this.leases.delete(lease);
    await this.options.caches.forget(lease);
  }

  /** The conversation is over: its caches are given up, and deleted when nothing else uses them. */
  async close(): Promise<void> {
    const held = [...this.leases];
    this.leases.clear();
    await Promise.all(held.map((lease) => this.options.caches.release(lease)));
  }

  private async open(
    request: ModelRequest,
    first: Content,
    cut: number,
    attemptTimeoutMs: number,
    onRetry: (event: GeminiRetryEvent) => void,
  ): Promise<ChatCache> {
    const { systemInstruction, label } = request;
    const { options } = this;
    const message = request.messages[0] as ModelMessage;
    const prefix = { role: 'user', parts: message.parts.slice(0, cut) } as const;
    const estimatedTokens = await options.estimateTokens({ systemInstruction, messages: [prefix] });
    if (estimatedTokens < options.minTokens) return { systemInstruction, lease: undefined };
    const cached: Content = { role: 'user', parts: (first.parts ?? []).slice(0, cut) };
    // Uploaded files by URI: equal prefixes share a cache, and a file uploaded anew makes another.
    const key = createHash('sha256')
      .update(JSON.stringify([options.model, systemInstruction ?? null, cached.parts]))
      .digest('hex');
    try {
      const lease = await options.caches.acquire(key, attemptTimeoutMs, (ttlSeconds) =>
        options.service.create(
          {
            displayName: `${CACHE_DISPLAY_NAME_PREFIX}${label.agent}-${key.slice(0, 16)}`,
            systemInstruction,
            contents: [cached],
            ttlSeconds,
            estimatedTokens,
          },
          onRetry,
          request.signal,
        ),
      );
      this.leases.add(lease);
      return { systemInstruction, lease };
    } catch (error) {
      // The service counted fewer tokens than the estimate (or refused the cache for another
      // reason of its own): the chat goes without one. A forgotten file is the caller's to renew.
      if (isRefusedCache(error)) return { systemInstruction, lease: undefined };
      throw error;
    }
  }
}

/** A 400 on a cache's creation that names no file: asking again would be refused again. */
function isRefusedCache(error: unknown): boolean {
  return ModelCallError.isInstance(error) && error.status === 400 && !namesFile(error);
}
