import { raceAgainstSignal } from '../race-against-signal.js';
import { type CacheCharge, NO_CHARGE } from './cache-charge.js';
import type { CacheLedger, CacheRecord } from './cache-ledger.js';
import type { CacheService, CreatedCache } from './cache-service.js';
import { cacheTtlSeconds } from './cache-ttl.js';

/** A cache the adapter holds for the conversations that use it. */
export interface CacheLease extends CacheRecord {
  readonly key: string;
  /** Conversations using it: it is deleted when the last one ends. */
  users: number;
  /** Deleted, or forgotten by the service: never used again. */
  gone: boolean;
  /** What it cost that no answered call has counted yet. */
  unbilled: CacheCharge;
  /** The extension under way, shared by the calls that need it. */
  extending: Promise<void> | undefined;
}

interface LiveEntry {
  ready: Promise<CacheLease>;
  /** Once made. */
  lease?: CacheLease;
}

/**
 * The explicit context caches of one adapter, by what they hold (`key`): made once and shared
 * by every conversation that needs the same prefix, kept alive while they are used, and deleted
 * when the last conversation using them ends. Caches an earlier run left in the ledger are
 * reused for the same prefix while alive; those nothing reuses are deleted at the end of the
 * run (`deleteLeftovers`). Every cache is in the ledger before any call uses it.
 */
export class ContextCaches {
  private readonly live = new Map<string, LiveEntry>();
  /** Caches earlier runs left, by key, until reused or deleted; and caches whose deletion failed. */
  private readonly leftovers = new Map<string, CacheRecord[]>();
  private readonly ready: Promise<void>;

  constructor(
    private readonly service: CacheService,
    private readonly ledger: Promise<CacheLedger>,
    private readonly now: () => number,
  ) {
    this.ready = ledger.then((opened) => {
      for (const { key, cache } of opened.live()) this.leaveOver(key, cache);
    });
  }

  /**
   * A live cache for `key`, counted as used once more: the one in use, one an earlier run left
   * that is still alive, or a new one from `create`, given the TTL of an attempt of
   * `attemptTimeoutMs`.
   */
  async acquire(
    key: string,
    attemptTimeoutMs: number,
    create: (ttlSeconds: number) => Promise<CreatedCache>,
  ): Promise<CacheLease> {
    await this.ready;
    for (;;) {
      const entry = this.live.get(key) ?? this.adopt(key) ?? this.make(key, attemptTimeoutMs, create);
      const lease = await entry.ready;
      // Released or forgotten while this call waited for it: another is made.
      if (lease.gone) continue;
      lease.users += 1;
      return lease;
    }
  }

  /**
   * Extends the cache when the attempt about to use it could outlive it: the attempt's answer
   * may come up to `attemptTimeoutMs` from now. A cache that lives long enough costs one
   * comparison.
   */
  async keepAlive(lease: CacheLease, attemptTimeoutMs: number, signal: AbortSignal): Promise<void> {
    if (lease.expiresAt >= this.now() + attemptTimeoutMs) return;
    lease.extending ??= this.extend(lease, cacheTtlSeconds(attemptTimeoutMs), signal).finally(() => {
      lease.extending = undefined;
    });
    await raceAgainstSignal(lease.extending, signal);
  }

  /** What the cache cost that no answered call counted yet, now counted by the caller. */
  takeCharge(lease: CacheLease): CacheCharge {
    const charge = lease.unbilled;
    lease.unbilled = NO_CHARGE;
    return charge;
  }

  /** One conversation stopped using the cache; the last one deletes it. */
  async release(lease: CacheLease): Promise<void> {
    lease.users -= 1;
    if (lease.users > 0 || lease.gone) return;
    this.drop(lease);
    const [gone] = await this.service.remove([lease.name]);
    if (gone === undefined) this.leaveOver(lease.key, lease);
    else await (await this.ledger).recordDeleted(lease.key, lease);
  }

  /** The service no longer has the cache (it answered 404): the caller stops using it. */
  async forget(lease: CacheLease): Promise<void> {
    this.drop(lease);
    await (await this.ledger).recordDeleted(lease.key, lease);
    await this.release(lease);
  }

  /**
   * Deletes what earlier runs left and this run did not reuse, what could not be deleted
   * before, and what is still held (a conversation never closed), then rewrites the ledger with
   * what is left. Returns how many caches are gone.
   */
  async deleteLeftovers(): Promise<number> {
    return (await this.deleteKnown()).size;
  }

  /**
   * Deletes every cache tp2dg made on this key, found by display name (a killed run's whose
   * ledger is gone included), and every cache the ledger knows of. Returns how many are gone.
   */
  async deleteAll(): Promise<number> {
    const listed = await this.service.listOwn();
    const known = await this.deleteKnown();
    const gone = await this.service.remove(listed.filter((name) => !known.has(name)));
    const ledger = await this.ledger;
    // A cache gone from the service must not stay in the ledger as alive.
    for (const entry of ledger.live()) {
      if (gone.includes(entry.cache.name)) await ledger.recordDeleted(entry.key, entry.cache);
    }
    await ledger.compact();
    return known.size + gone.length;
  }

  /** Deletes the caches `deleteLeftovers` names; returns the names of those gone. */
  private async deleteKnown(): Promise<Set<string>> {
    await this.ready;
    const held = [...this.live.values()].flatMap(({ lease }) => (lease === undefined ? [] : [lease]));
    for (const lease of held) this.drop(lease);
    const left = [...this.leftovers].flatMap(([key, caches]) => caches.map((cache) => ({ ...cache, key })));
    this.leftovers.clear();
    const caches = [...held, ...left];
    const gone = new Set(await this.service.remove(caches.map((cache) => cache.name)));
    const ledger = await this.ledger;
    for (const cache of caches) {
      if (gone.has(cache.name)) await ledger.recordDeleted(cache.key, cache);
      else this.leaveOver(cache.key, cache);
    }
    await ledger.compact();
    return gone;
  }

  /** Reuses a cache an earlier run left for this key, while it is alive. */
  private adopt(key: string): LiveEntry | undefined {
    const left = this.leftovers.get(key) ?? [];
    const alive = left.find((cache) => cache.expiresAt > this.now());
    if (alive === undefined) return undefined;
    this.leftovers.set(
      key,
      left.filter((cache) => cache !== alive),
    );
    const lease: CacheLease = {
      ...alive,
      key,
      users: 0,
      gone: false,
      unbilled: NO_CHARGE,
      extending: undefined,
    };
    const entry = { ready: Promise.resolve(lease), lease };
    this.live.set(key, entry);
    return entry;
  }

  private make(
    key: string,
    attemptTimeoutMs: number,
    create: (ttlSeconds: number) => Promise<CreatedCache>,
  ): LiveEntry {
    const ttlSeconds = cacheTtlSeconds(attemptTimeoutMs);
    // Before the request: the service counts the TTL from later, so this expiry is never late.
    const startedAt = this.now();
    const entry: LiveEntry = {
      ready: create(ttlSeconds).then(async ({ name, tokens }) => {
        const lease: CacheLease = {
          key,
          name,
          tokens,
          expiresAt: startedAt + ttlSeconds * 1000,
          users: 0,
          gone: false,
          unbilled: { creation: true, storageTokenSeconds: tokens * ttlSeconds },
          extending: undefined,
        };
        // In the ledger before any call uses it: a run killed now still deletes it later.
        await (await this.ledger).record(key, lease);
        entry.lease = lease;
        return lease;
      }),
    };
    this.live.set(key, entry);
    // A failed creation is not kept: the next call tries again.
    entry.ready.catch(() => {
      if (this.live.get(key) === entry) this.live.delete(key);
    });
    return entry;
  }

  private async extend(lease: CacheLease, ttlSeconds: number, signal: AbortSignal): Promise<void> {
    const startedAt = this.now();
    await this.service.extend(lease.name, ttlSeconds, signal);
    const expiresAt = startedAt + ttlSeconds * 1000;
    // Only the time added is billed; a shorter TTL refunds nothing.
    const added = Math.max(0, Math.ceil((expiresAt - lease.expiresAt) / 1000));
    lease.unbilled = {
      ...lease.unbilled,
      storageTokenSeconds: lease.unbilled.storageTokenSeconds + lease.tokens * added,
    };
    lease.expiresAt = expiresAt;
    await (await this.ledger).record(lease.key, lease);
  }

  /** No later call may use it: it is deleted, about to be, or gone from the service. */
  private drop(lease: CacheLease): void {
    lease.gone = true;
    if (this.live.get(lease.key)?.lease === lease) this.live.delete(lease.key);
  }

  private leaveOver(key: string, cache: CacheRecord): void {
    const { name, tokens, expiresAt } = cache;
    this.leftovers.set(key, [...(this.leftovers.get(key) ?? []), { name, tokens, expiresAt }]);
  }
}
