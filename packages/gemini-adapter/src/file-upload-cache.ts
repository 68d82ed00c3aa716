import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import type { GeminiRetryEvent } from './gemini-adapter-options.js';
import type { UploadedFile } from './upload-file.js';

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
 * Uploads each local file once and shares it across calls: the same pool tracks are sent on
 * every Recsys turn. The key holds the absolute path, size and mtime, so an edited file is
 * uploaded again; concurrent requests for one file share a single in-flight upload.
 */
export class FileUploadCache {
  private readonly entries = new Map<string, Promise<UploadedFile>>();

  constructor(
    private readonly upload: Uploader,
    private readonly now: () => number,
  ) {}

  async resolve(
    path: string,
    mimeType: string,
    onRetry?: (event: GeminiRetryEvent) => void,
    mayRefresh = true,
  ): Promise<CachedFile> {
    const absolutePath = resolve(path);
    const key = await this.keyOf(absolutePath, mimeType);
    const entry = this.entries.get(key) ?? this.startUpload(key, absolutePath, mimeType, onRetry);
    const file = await entry;
    if (mayRefresh && file.expiresAt !== null && file.expiresAt - this.now() < expiryMarginMs) {
      this.forgetEntry(key, entry);
      return this.resolve(path, mimeType, onRetry, false);
    }
    return { key, entry, file };
  }

  /** Drops entries the service no longer knows (403/404), unless a newer upload replaced them. */
  forget(files: readonly CachedFile[]): void {
    for (const file of files) this.forgetEntry(file.key, file.entry);
  }

  private startUpload(
    key: string,
    absolutePath: string,
    mimeType: string,
    onRetry: ((event: GeminiRetryEvent) => void) | undefined,
  ): Promise<UploadedFile> {
    const entry = this.upload(absolutePath, mimeType, onRetry);
    this.entries.set(key, entry);
    // A failed upload must not stay cached: the next request tries again.
    entry.catch(() => this.forgetEntry(key, entry));
    return entry;
  }

  private forgetEntry(key: string, entry: Promise<UploadedFile> | undefined): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }

  private async keyOf(absolutePath: string, mimeType: string): Promise<string> {
    try {
      const stats = await stat(absolutePath);
      return JSON.stringify([absolutePath, stats.size, stats.mtimeMs, mimeType]);
    } catch (error) {
      throw new Tp2dgError(
        'MEDIA_NOT_FOUND',
        `Media file ${absolutePath} cannot be read for upload to Gemini: ${(error as Error).message}. ` +
          'Check the media path of the track.',
        { cause: error },
      );
    }
  }
}
