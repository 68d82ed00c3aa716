import { isAbsolute, resolve } from 'node:path';
import pLimit from 'p-limit';
import { ContentHashes } from './content-hash.js';
import type { GeminiRetryEvent } from './gemini-adapter-options.js';
import type { UploadedFile } from './upload-file.js';
import type { UploadLedger } from './upload-ledger.js';

const MAX_CONCURRENT_UPLOADS = 8;

/** Re-upload a cached file this long before its 48 h expiry, so a call never races the deadline. */
const expiryMarginMs = 60 * 60 * 1000;

/** A file part resolved for one request; `forget` needs the exact entry that was used. */
export interface CachedFile {
  key: string;
  entry: Promise<UploadedFile>;
  file: UploadedFile;
}

/** `onRetry` hears the retries of the upload it starts (a shared upload reports to its first caller). */
export type Uploader = (
  absolutePath: string,
  mimeType: string,
  onRetry?: (event: GeminiRetryEvent) => void,
) => Promise<UploadedFile>;

/**
 * Uploads each distinct content once and shares it across calls and sessions: the same pool
 * tracks are sent on every Recsys turn. Keys are content hash and MIME type; concurrent
 * requests for one file share a single in-flight upload. Uploads still alive in the ledger
 * are reused, and every new one is recorded there.
 */
export class FileUploadCache {
  private readonly entries = new Map<string, Promise<UploadedFile>>();
  /**
   * Entries already uploaded, by content hash then MIME type, as `resolve` last returned them:
   * what `resolveNow` answers from, with no key string to build and hash for every part.
   */
  private readonly resolved = new Map<string, Map<string, CachedFile>>();
  private readonly hashes: ContentHashes;
  /** A Recsys priming carries the whole pool's media: uploads go a few at a time, not all at once. */
  private readonly uploads = pLimit(MAX_CONCURRENT_UPLOADS);
  private readonly ready: Promise<void>;
  /** Files this cache uploaded itself (not reused from the ledger): what a cleanup deletes. */
  readonly uploaded: UploadedFile[] = [];

  constructor(
    private readonly upload: Uploader,
    private readonly now: () => number,
    private readonly ledger: Promise<UploadLedger>,
  ) {
    this.hashes = new ContentHashes(now);
    this.ready = ledger.then((opened) => {
      for (const { key, file } of opened.entries()) {
        if (this.isFresh(file)) this.entries.set(key, Promise.resolve(file));
      }
    });
  }

  async resolve(
    path: string,
    mimeType: string,
    onRetry?: (event: GeminiRetryEvent) => void,
    mayRefresh = true,
  ): Promise<CachedFile> {
    await this.ready;
    const absolutePath = resolve(path);
    const hash = await this.hashes.of(absolutePath);
    const key = cacheKey(hash, mimeType);
    const entry = this.entries.get(key) ?? this.startUpload(key, absolutePath, mimeType, onRetry);
    const file = await entry;
    if (mayRefresh && !this.isFresh(file)) {
      this.forgetEntry(key, entry);
      return this.resolve(path, mimeType, onRetry, false);
    }
    const cached = { key, entry, file };
    const byType = this.resolved.get(hash) ?? new Map<string, CachedFile>();
    this.resolved.set(hash, byType.set(mimeType, cached));
    return cached;
  }

  /**
   * What `resolve` would return, when that needs no wait: the file unchanged on disk, already
   * uploaded, still the entry in use (not forgotten after a 403/404) and fresh. A Recsys call
   * re-sends the whole pool's media, and a promise per part cost more CPU than the rest of the
   * part's handling (bench/overhead).
   */
  resolveNow(path: string, mimeType: string): CachedFile | undefined {
    // Corpus paths come absolute: resolving each again for every part of every call shows in a profile.
    const hash = this.hashes.settledOf(isAbsolute(path) ? path : resolve(path));
    const cached = hash === undefined ? undefined : this.resolved.get(hash)?.get(mimeType);
    const current = cached !== undefined && this.entries.get(cached.key) === cached.entry;
    return current && this.isFresh(cached.file) ? cached : undefined;
  }

  /** Drops entries the service no longer knows (403/404), unless a newer upload replaced them. */
  forget(files: readonly CachedFile[]): void {
    for (const file of files) this.forgetEntry(file.key, file.entry);
  }

  private isFresh(file: UploadedFile): boolean {
    return file.expiresAt === null || file.expiresAt - this.now() >= expiryMarginMs;
  }

  private startUpload(
    key: string,
    absolutePath: string,
    mimeType: string,
    onRetry: ((event: GeminiRetryEvent) => void) | undefined,
  ): Promise<UploadedFile> {
    const entry = this.uploads(() => this.upload(absolutePath, mimeType, onRetry)).then(async (file) => {
      this.uploaded.push(file);
      // The ledger only saves later uploads: failing to write it must not fail this one.
      await (await this.ledger).record(key, file).catch(() => undefined);
      return file;
    });
    this.entries.set(key, entry);
    // A failed upload must not stay cached: the next request tries again.
    entry.catch(() => this.forgetEntry(key, entry));
    return entry;
  }

  private forgetEntry(key: string, entry: Promise<UploadedFile> | undefined): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}

function cacheKey(hash: string, mimeType: string): string {
  return JSON.stringify([hash, mimeType]);
}
