import {
  costOfCall,
  type ModalityTokens,
  pricedModel,
  pricedModelId,
  ratesOn,
  type TokenUsage,
  totalTokens,
  ZERO_USAGE,
} from '@tp2dg/entities';
import { GEMINI_PRICE_TABLE } from '../prices/gemini-prices.js';
import type { EmulatedFileStore } from './emulated-file-store.js';
import { estimatePromptTokens } from './emulated-usage.js';
import type { EmulatedCache, EmulatedCacheBill } from './emulator-types.js';
import { filePartsOf, type WireContent } from './wire-request.js';

/** `POST cachedContents` as @google/genai 2.32 sends it (`model` as `models/<id>`). */
export interface CreateCacheBody {
  model?: string;
  displayName?: string;
  systemInstruction?: WireContent;
  contents?: WireContent[];
  ttl?: string;
  expireTime?: string;
}

/** A cache as the emulator keeps it: what it holds and what it counts for. */
export interface StoredCache extends EmulatedCache {
  systemInstruction: WireContent | undefined;
  contents: WireContent[];
  tokensByModality: ModalityTokens;
}

/** Why the service refuses a cache request: an HTTP status and Google's message. */
export interface CacheProblem {
  status: number;
  message: string;
}

/** The service keeps a cache one hour when neither `ttl` nor `expireTime` is given. */
const DEFAULT_TTL_MS = 3600 * 1000;

/** A cache request naming an unknown, expired or deleted cache. */
export const CACHE_NOT_FOUND: CacheProblem = {
  status: 404,
  message: 'CachedContent not found (or permission denied)',
};

/** `"300s"` or `"300.5s"` in ms; an RFC 3339 `expireTime` from now; undefined when neither parses. */
function lifetimeMs(body: { ttl?: string; expireTime?: string }, now: number): number | undefined {
  const seconds = /^(\d+(?:\.\d+)?)s$/.exec(body.ttl ?? '')?.[1];
  if (seconds !== undefined) return Number(seconds) * 1000;
  const expiry = Date.parse(body.expireTime ?? '');
  return Number.isNaN(expiry) ? undefined : expiry - now;
}

/**
 * The explicit context caches of the emulated service (`cachedContents`): created with their
 * contents counted as a prompt is, kept until their TTL passes or they are deleted, and billed
 * as Google bills them: the creation once at the input price, storage for the lifetime asked
 * (tokens x time at the table's storage price per hour, extensions included). Each use is
 * billed by the generateContent call that makes it, at the cached price.
 */
export class EmulatedCacheStore {
  readonly caches: StoredCache[] = [];
  readonly bills: EmulatedCacheBill[] = [];
  creates = 0;
  gets = 0;
  lists = 0;
  updates = 0;
  deletes = 0;

  constructor(
    private readonly now: () => number,
    private readonly files: EmulatedFileStore,
  ) {}

  /** `POST cachedContents`: the new cache, or why the service refuses it. */
  create(body: CreateCacheBody): StoredCache | CacheProblem {
    this.creates += 1;
    const model = pricedModelId(body.model ?? '');
    const priced = pricedModel(model, GEMINI_PRICE_TABLE);
    const minimum = priced?.explicit_cache_min_tokens ?? null;
    if (minimum === null) {
      return { status: 400, message: `Model models/${model} does not support explicit context caching.` };
    }
    const contents = body.contents ?? [];
    for (const part of filePartsOf(contents)) {
      const problem = this.files.problemWithUri(part.fileUri);
      if (problem !== undefined) return problem;
    }
    const seconds = this.files.audioSecondsOf(filePartsOf(contents).map((part) => part.fileUri));
    const tokensByModality = estimatePromptTokens(
      [body.systemInstruction, ...contents],
      model,
      (uri) => seconds[uri] ?? 0,
    );
    const tokens = totalTokens(tokensByModality);
    if (tokens < minimum) {
      return {
        status: 400,
        message: `Cached content is too small. total_token_count=${tokens}, min_total_token_count=${minimum}`,
      };
    }
    const now = this.now();
    const lifetime = lifetimeMs(body, now) ?? DEFAULT_TTL_MS;
    const cache: StoredCache = {
      name: `cachedContents/emulated${this.caches.length + 1}`,
      model,
      displayName: body.displayName,
      tokens,
      tokensByModality,
      createdAt: now,
      expiresAt: now + lifetime,
      deleted: false,
      systemInstruction: body.systemInstruction,
      contents,
    };
    this.caches.push(cache);
    const { text, image, audio } = tokensByModality;
    this.bill(cache, 'creation', { text_input: text, image_input: image, audio_input: audio });
    this.billStorage(cache, lifetime);
    return cache;
  }

  /** The cache by name while it lives (not deleted, not expired). */
  live(name: string): StoredCache | undefined {
    const cache = this.caches.find((candidate) => candidate.name === name);
    return cache === undefined || cache.deleted || cache.expiresAt <= this.now() ? undefined : cache;
  }

  /** `GET cachedContents/{id}`. */
  get(name: string): StoredCache | undefined {
    this.gets += 1;
    return this.live(name);
  }

  /** `GET cachedContents`: the live caches in creation order, `pageSize` at a time. */
  list(pageSize: number, pageToken: string | null): { caches: StoredCache[]; nextPageToken?: string } {
    this.lists += 1;
    const live = this.caches.filter((cache) => this.live(cache.name) !== undefined);
    const start = Number(pageToken ?? '0') || 0;
    const end = start + Math.max(1, pageSize);
    const caches = live.slice(start, end);
    return end < live.length ? { caches, nextPageToken: String(end) } : { caches };
  }

  /** `PATCH cachedContents/{id}` with a new `ttl` (from now) or `expireTime`; storage added is billed. */
  update(name: string, body: { ttl?: string; expireTime?: string }): StoredCache | CacheProblem {
    this.updates += 1;
    const cache = this.live(name);
    if (cache === undefined) return CACHE_NOT_FOUND;
    const now = this.now();
    const lifetime = lifetimeMs(body, now);
    if (lifetime === undefined) return { status: 400, message: 'ttl or expire_time must be set.' };
    const expiresAt = now + lifetime;
    // A shorter life refunds nothing: only the time added is billed.
    this.billStorage(cache, Math.max(0, expiresAt - cache.expiresAt));
    cache.expiresAt = expiresAt;
    return cache;
  }

  /** `DELETE cachedContents/{id}`: false when it was unknown, expired or already deleted. */
  delete(name: string): boolean {
    this.deletes += 1;
    const cache = this.live(name);
    if (cache === undefined) return false;
    cache.deleted = true;
    return true;
  }

  /** The cache a generateContent names, or why it may not use it. */
  use(name: string, model: string): StoredCache | CacheProblem {
    const cache = this.live(name);
    if (cache === undefined) return CACHE_NOT_FOUND;
    if (cache.model !== pricedModelId(model)) {
      return {
        status: 400,
        message: `Model used by GenerateContent request (models/${model}) and CachedContent (models/${cache.model}) has to be the same.`,
      };
    }
    return cache;
  }

  /** Forgets a cache as the service does when its TTL passes. */
  expire(name: string): void {
    const cache = this.live(name);
    if (cache !== undefined) cache.expiresAt = this.now();
  }

  private billStorage(cache: StoredCache, lifetime: number): void {
    const seconds = Math.ceil(lifetime / 1000);
    this.bill(cache, 'storage', { cache_storage_token_seconds: cache.tokens * seconds });
  }

  private bill(cache: StoredCache, kind: EmulatedCacheBill['kind'], usage: Partial<TokenUsage>): void {
    const priced = pricedModel(cache.model, GEMINI_PRICE_TABLE);
    const date = new Date(this.now());
    const usd = priced === undefined ? null : costOfCall({ ...ZERO_USAGE, ...usage }, ratesOn(priced, date));
    this.bills.push({ cache: cache.name, model: cache.model, kind, usd });
  }
}

/** The CachedContent resource as the service returns it. */
export function describeEmulatedCache(cache: StoredCache): Record<string, unknown> {
  return {
    name: cache.name,
    model: `models/${cache.model}`,
    ...(cache.displayName === undefined ? {} : { displayName: cache.displayName }),
    createTime: new Date(cache.createdAt).toISOString(),
    updateTime: new Date(cache.createdAt).toISOString(),
    expireTime: new Date(cache.expiresAt).toISOString(),
    usageMetadata: { totalTokenCount: cache.tokens },
  };
}
