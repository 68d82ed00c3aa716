import { resolve } from 'node:path';
import pLimit from 'p-limit';
import { ContentHashes } from './content-hash.js';
import { type Deletion, deleteResources } from './delete-resources.js';
import type { GeminiRetryEvent } from './gemini-adapter-options.js';
import type { RetrySettings } from './run-with-retries.js';
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
  /** Entries dropped so far: see `generation`. */
  private dropped = 0;
  /** A Recsys priming carries the whole pool's media: uploads go a few at a time, not all at once. */
  private readonly uploads = pLimit(MAX_CONCURRENT_UPLOADS);
  private readonly ready: Promise<void>;
  /** Files this cache uploaded itself (not reused from the ledger): what a cleanup deletes. */
  readonly uploaded: UploadedFile[] = [];

  constructor(
    private readonly upload: Uploader,
    private readonly now: () => number,
    private readonly ledger: Promise<UploadLedger>,
    private readonly hashes = new ContentHashes(now),
  ) {
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
    const key = JSON.stringify([await this.hashes.of(absolutePath), mimeType]);
    const entry = this.entries.get(key) ?? this.startUpload(key, absolutePath, mimeType, onRetry);
    const file = await entry;
    if (mayRefresh && !this.isFresh(file)) {
      this.forgetEntry(key, entry);
      return this.resolve(path, mimeType, onRetry, false);
    }
    return { key, entry, file };
  }

  /** Changes whenever an entry is dropped: files resolved before may no longer be usable. */
  get generation(): number {
    return this.dropped;
  }

  /** When a resolved file must be resolved again, to be uploaded anew before it expires. */
  staleAt(file: UploadedFile): number {
    return file.expiresAt === null ? Number.POSITIVE_INFINITY : file.expiresAt - expiryMarginMs;
  }

  /**
   * Deletes from the service the files this cache uploaded and drops them from the ledger;
   * returns how many are gone. What could not be deleted stays listed, for a later cleanup.
   */
  async deleteUploaded(deletion: Deletion<UploadedFile>, settings: RetrySettings): Promise<number> {
    const files = this.uploaded.splice(0);
    const gone = await deleteResources(files, deletion, settings);
    this.uploaded.push(...files.filter((file) => !gone.includes(file)));
    await (await this.ledger).remove(new Set(gone.map((file) => file.name)));
    return gone.length;
  }

  /** Drops entries the service no longer knows (403/404), unless a newer upload replaced them. */
  forget(files: readonly CachedFile[]): void {
    for (const file of files) this.forgetEntry(file.key, file.entry);
  }

  private isFresh(file: UploadedFile): boolean {
    return this.now() <= this.staleAt(file);
  }

  private startUpload(
    key: string,
    absolutePath: string,
    mimeType: string,
    onRetry: ((event: GeminiRetryEvent) => void) | undefined,
  ): Promise<UploadedFile> {
    const entry = this.uploads(async () => {
      const file = await this.upload(absolutePath, mimeType, onRetry);
      this.uploaded.push(file);
      // In the ledger before any call uses the file, and before its slot starts another
      // upload: a run killed at any moment has recorded every upload it finished.
      await (await this.ledger).record(key, file);
      return file;
    });
    this.entries.set(key, entry);
    // A failed upload must not stay cached: the next request tries again.
    entry.catch(() => this.forgetEntry(key, entry));
    return entry;
  }

  private forgetEntry(key: string, entry: Promise<UploadedFile> | undefined): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.dropped += 1;
  }
}
