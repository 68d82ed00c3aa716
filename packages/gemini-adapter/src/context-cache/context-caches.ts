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
 * when the last conversation using them ends. Caches that a run now gone (killed) left in the
 * ledger are reused for the same prefix while alive; those nothing reuses are deleted at the
 * end of the run (`deleteLeftovers`). Every cache is in the ledger before any call uses it.
 */
export class ContextCaches {
  private readonly live = new Map<string, LiveEntry>();
  /** Caches that runs now gone left, by key, until this run reuses them. */
  private readonly reusable = new Map<string, CacheRecord[]>();
  /** Caches whose deletion failed, for the end of the run to try again. */
  private readonly undeleted: KeyedCache[] = [];
  private readonly ready: Promise<void>;

  constructor(
    private readonly service: CacheService,
    private readonly ledger: Promise<CacheLedger>,
    private readonly now: () => number,
  ) {
    this.ready = ledger.then((opened) => {
      for (const { key, cache } of opened.leftAtOpen(now())) {
        this.reusable.set(key, [...(this.reusable.get(key) ?? []), cache]);
      }
    });
  }

  /**
   * A live cache for `key`, counted as used once more: the one in use, one a run now gone left
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
    if (gone === undefined) this.undeleted.push(keyed(lease.key, lease));
    else await (await this.ledger).recordDeleted(lease.key, lease);
  }

  /** The service no longer has the cache (it answered 404): the caller stops using it. */
  async forget(lease: CacheLease): Promise<void> {
    this.drop(lease);
    await (await this.ledger).recordDeleted(lease.key, lease);
    await this.release(lease);
  }

  /**
   * Deletes what runs now gone left and this run did not reuse, what could not be deleted
   * before, and what is still held (a conversation never closed), then rewrites the ledger with
   * what is left. Returns how many caches are gone.
   */
  async deleteLeftovers(): Promise<number> {
    return this.deleteKnown([]);
  }

  /**
   * The same, and every cache whose display name says tp2dg made it on this key (a killed run's
   * whose ledger is gone, another run's too). Returns how many are gone.
   */
  async deleteAll(): Promise<number> {
    return this.deleteKnown(await this.service.listOwn());
  }

  private async deleteKnown(listed: readonly string[]): Promise<number> {
    await this.ready;
    const ledger = await this.ledger;
    const held = [...this.live.values()].flatMap(({ lease }) => (lease === undefined ? [] : [lease]));
    for (const lease of held) this.drop(lease);
    const left = (await ledger.leftNow(this.now())).map(({ key, cache }) => keyed(key, cache));
    const known = [...held.map((lease) => keyed(lease.key, lease)), ...this.undeleted.splice(0), ...left];
    const names = new Set([...known.map((cache) => cache.name), ...listed]);
    const gone = new Set(await this.service.remove([...names]));
    for (const cache of known) {
      if (!gone.has(cache.name)) this.undeleted.push(cache);
      else await ledger.recordDeleted(cache.key, cache);
    }
    await ledger.compact(this.now());
    return gone.size;
  }

  /** Reuses a cache a run now gone left for this key, while it is alive; it is this run's from now on. */
  private adopt(key: string): LiveEntry | undefined {
    const left = this.reusable.get(key) ?? [];
    const alive = left.find((cache) => cache.expiresAt > this.now());
    if (alive === undefined) return undefined;
    this.reusable.set(
      key,
      left.filter((cache) => cache !== alive),
    );
    const lease: CacheLease = {
      ...keyed(key, alive),
      users: 0,
      gone: false,
      unbilled: NO_CHARGE,
      extending: undefined,
    };
    const entry: LiveEntry = {
      ready: this.ledger.then(async (ledger) => {
        await ledger.record(key, lease);
        return lease;
      }),
      lease,
    };
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
}

/** A cache and what it holds, as the ledger and the deletions need it. */
type KeyedCache = CacheRecord & { key: string };

function keyed(key: string, { name, tokens, expiresAt }: CacheRecord): KeyedCache {
  return { key, name, tokens, expiresAt };
}
