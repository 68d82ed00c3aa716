import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
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

/** The process that holds a cache: several runs may share an output directory, hence this ledger. */
export interface LedgerWriter {
  host: string;
  pid: number;
}

/** One line of the ledger: a cache made, extended or reused, or (`deleted`) gone. */
export interface CacheLedgerEntry {
  /** What it holds: a hash of the model, system instruction and cached parts. */
  key: string;
  /** Which service and key made it, as a hash: caches belong to one project. */
  account: string;
  /** The process that held it when the line was written. */
  writer: LedgerWriter;
  cache: CacheRecord;
  deleted?: true;
}

export const THIS_PROCESS: LedgerWriter = Object.freeze({ host: hostname(), pid: process.pid });

/**
 * A process of another host cannot be looked up: it counts as gone once its last cache has been
 * expired this long, by which time it holds no cache (or would have recorded a later one).
 */
const OTHER_HOST_GRACE_MS = 60 * 60 * 1000;

/**
 * A JSON-lines record of the context caches tp2dg made, beside the upload ledger, so a run killed
 * mid-conversation is followed by one that reuses a cache still alive for the same prefix, and
 * deletes those nothing reuses instead of paying their storage until their TTL ends. A cache is
 * appended when made (before any call uses it) and again when extended, reused or deleted; the
 * latest line of a cache wins. Each line names the process holding the cache: runs of other
 * models or shards may share the output directory, and only the caches of processes that are
 * gone are another run's to reuse or delete. Only entries of the same account count. An
 * unreadable line is skipped: the worst it costs is a cache left to its TTL.
 */
export class CacheLedger {
  private readonly appender: JsonLinesAppender | undefined;
  /** A rewrite under way: a record made meanwhile would be appended to the file it replaces. */
  private rewriting: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string | undefined,
    private readonly account: string,
    private readonly writer: LedgerWriter,
    private readonly loaded: CacheLedgerEntry[],
    /** The last line, when a kill or a full disk cut it short. */
    readonly torn: TornLine | undefined,
  ) {
    this.appender = path === undefined ? undefined : new JsonLinesAppender(path);
  }

  static async open(
    path: string | undefined,
    account: string,
    writer: LedgerWriter = THIS_PROCESS,
  ): Promise<CacheLedger> {
    if (path === undefined) return new CacheLedger(undefined, account, writer, [], undefined);
    const { records, torn } = await readEntries(path).catch(() => ({ records: [], torn: undefined }));
    return new CacheLedger(path, account, writer, records, torn);
  }

  /** The caches of this account that processes now gone left alive, when the ledger was opened. */
  leftAtOpen(now: number): CacheLedgerEntry[] {
    return this.leftBehind(this.loaded, now);
  }

  /** The same, read again now: a run that ended since left its caches too. */
  async leftNow(now: number): Promise<CacheLedgerEntry[]> {
    if (this.path === undefined) return [];
    await this.rewriting;
    return this.leftBehind((await readEntries(this.path)).records, now);
  }

  /** Records a cache made, extended or reused by this process: on disk when the promise settles. */
  async record(key: string, cache: CacheRecord): Promise<void> {
    await this.rewriting;
    this.appender?.append({ key, account: this.account, writer: this.writer, cache: pick(cache) });
  }

  /** Records that a cache is gone, so no later run tries to reuse or delete it. */
  async recordDeleted(key: string, cache: CacheRecord): Promise<void> {
    await this.rewriting;
    this.appender?.append({
      key,
      account: this.account,
      writer: this.writer,
      cache: pick(cache),
      deleted: true,
    });
  }

  /**
   * Rewrites the ledger with the caches still alive (every account's), dropping the history,
   * unless another process that may still append to it wrote in it; a ledger never written
   * stays absent.
   */
  compact(now: number): Promise<void> {
    const path = this.path;
    if (path === undefined || !existsSync(path)) return Promise.resolve();
    const done = this.rewriting.then(async () => {
      const { records } = await readEntries(path);
      const others = records.filter((entry) => !sameWriter(entry.writer, this.writer));
      if (others.some((entry) => mayStillWrite(entry.writer, records, now))) return;
      this.appender?.close();
      await replaceJsonLines(path, liveEntries(records));
    });
    this.rewriting = done.catch(() => undefined);
    return done;
  }

  /** The live caches of this account whose process is gone. */
  private leftBehind(entries: readonly CacheLedgerEntry[], now: number): CacheLedgerEntry[] {
    return liveEntries(entries).filter(
      (entry) => entry.account === this.account && !mayStillWrite(entry.writer, entries, now),
    );
  }
}

function readEntries(path: string) {
  return readJsonLines(path, toLedgerEntry);
}

function sameWriter(left: LedgerWriter, right: LedgerWriter): boolean {
  return left.host === right.host && left.pid === right.pid;
}

/**
 * Whether the process may still be running, holding its caches and appending: on this host, as
 * long as its pid answers; on another, until its last cache has been expired an hour.
 */
function mayStillWrite(writer: LedgerWriter, entries: readonly CacheLedgerEntry[], now: number): boolean {
  if (writer.host !== THIS_PROCESS.host) {
    const own = entries.filter((entry) => sameWriter(entry.writer, writer));
    return own.some((entry) => entry.cache.expiresAt > now - OTHER_HOST_GRACE_MS);
  }
  try {
    process.kill(writer.pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds that pid; it may be the writer.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
    typeof entry.writer?.host === 'string' &&
    typeof entry.writer.pid === 'number' &&
    typeof entry.cache?.name === 'string' &&
    typeof entry.cache.tokens === 'number' &&
    typeof entry.cache.expiresAt === 'number';
  return valid ? (entry as CacheLedgerEntry) : undefined;
}
