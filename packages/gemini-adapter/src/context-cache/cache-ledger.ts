import { existsSync } from 'node:fs';
import { JsonLinesAppender, readJsonLines, replaceJsonLines, type TornLine } from '@tp2dg/entities';

/** A context cache as the service holds it, and until when tp2dg asked it to. */
export interface CacheRecord {
  /** `cachedContents/<id>`. */
  name: string;
  /** Its tokens, which its storage is billed on. */
  tokens: number;
  /** When its TTL ends, by the local clock (ms): the time of the request that set it, plus the TTL. */
  expiresAt: number;
}

/** One line of the ledger: a cache made or extended, or (`deleted`) gone. */
export interface CacheLedgerEntry {
  /** What it holds: a hash of the model, system instruction and cached parts. */
  key: string;
  /** Which service and key made it, as a hash: caches belong to one project. */
  account: string;
  cache: CacheRecord;
  deleted?: true;
}

/**
 * A JSON-lines record of the context caches tp2dg made, beside the upload ledger, so a run killed
 * mid-conversation is followed by one that reuses a cache still alive for the same prefix, and
 * deletes those nothing reuses instead of paying their storage until their TTL ends. A cache
 * is appended when made (before any call uses it) and again when extended or deleted; the
 * latest line of a cache wins. Only entries of the same account count. An unreadable line is
 * skipped: the worst it costs is a cache left to its TTL.
 */
export class CacheLedger {
  private readonly appender: JsonLinesAppender | undefined;
  /** A rewrite under way: a record made meanwhile would be appended to the file it replaces. */
  private rewriting: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string | undefined,
    private readonly account: string,
    private readonly loaded: CacheLedgerEntry[],
    /** The last line, when a kill or a full disk cut it short. */
    readonly torn: TornLine | undefined,
  ) {
    this.appender = path === undefined ? undefined : new JsonLinesAppender(path);
  }

  static async open(path: string | undefined, account: string): Promise<CacheLedger> {
    if (path === undefined) return new CacheLedger(undefined, account, [], undefined);
    const { records, torn } = await readJsonLines(path, toLedgerEntry).catch(() => ({
      records: [],
      torn: undefined,
    }));
    const own = records.filter((entry) => entry.account === account);
    return new CacheLedger(path, account, own, torn);
  }

  /** The caches earlier runs of this account left alive, as far as the ledger knows. */
  live(): CacheLedgerEntry[] {
    return liveEntries(this.loaded);
  }

  /** Records a cache made or extended: on disk when the promise settles. */
  async record(key: string, cache: CacheRecord): Promise<void> {
    await this.rewriting;
    this.appender?.append({ key, account: this.account, cache: pick(cache) });
  }

  /** Records that a cache is gone, so no later run tries to reuse or delete it. */
  async recordDeleted(key: string, cache: CacheRecord): Promise<void> {
    await this.rewriting;
    this.appender?.append({ key, account: this.account, cache: pick(cache), deleted: true });
  }

  /**
   * Rewrites the ledger with the caches still alive (every account's), dropping the history; a
   * ledger never written stays absent.
   */
  compact(): Promise<void> {
    const path = this.path;
    if (path === undefined || !existsSync(path)) return Promise.resolve();
    const done = this.rewriting.then(async () => {
      this.appender?.close();
      const { records } = await readJsonLines(path, toLedgerEntry);
      await replaceJsonLines(path, liveEntries(records));
    });
    this.rewriting = done.catch(() => undefined);
    return done;
  }
}

/** Only the record's own fields: a lease carries more that the ledger must not keep. */
function pick({ name, tokens, expiresAt }: CacheRecord): CacheRecord {
  return { name, tokens, expiresAt };
}

/** The latest line of each cache (by account and name), unless it says the cache is gone. */
function liveEntries(entries: readonly CacheLedgerEntry[]): CacheLedgerEntry[] {
  const latest = new Map(entries.map((entry) => [`${entry.account}\u0000${entry.cache.name}`, entry]));
  return [...latest.values()].filter((entry) => entry.deleted !== true);
}

function toLedgerEntry(value: unknown): CacheLedgerEntry | undefined {
  const entry = value as Partial<CacheLedgerEntry> | undefined;
  const valid =
    typeof entry?.key === 'string' &&
    typeof entry.account === 'string' &&
    typeof entry.cache?.name === 'string' &&
    typeof entry.cache.tokens === 'number' &&
    typeof entry.cache.expiresAt === 'number';
  return valid ? (entry as CacheLedgerEntry) : undefined;
}
