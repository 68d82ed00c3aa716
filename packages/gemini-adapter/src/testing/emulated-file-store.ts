import { describeEmulatedFile, type EmulatedFileState } from './describe-emulated-file.js';
import type { CompletedUpload } from './emulated-upload-sessions.js';
import type { RecordedUpload } from './emulator-types.js';

interface StoredFile {
  upload: RecordedUpload;
  getsServed: number;
  /** `files.get` answers that report PROCESSING before the final state. */
  processingPolls: number;
  expired: boolean;
  createdAt: number;
}

/** One page of `GET files`. */
export interface EmulatedFilePage {
  files: Record<string, unknown>[];
  nextPageToken?: string;
}

/**
 * The Files API side of the emulator: stored files and their PROCESSING -> ACTIVE|FAILED
 * life cycle, counted in `files.get` calls so polling is testable. Expired and deleted files
 * are gone for good, as on the service.
 */
export class EmulatedFileStore {
  readonly uploads: RecordedUpload[] = [];
  fileGetCount = 0;
  fileListCount = 0;
  fileDeleteCount = 0;
  private readonly files = new Map<string, StoredFile>();

  constructor(
    private readonly baseUrl: () => string,
    private readonly processingPolls: number,
    private readonly finalState: 'ACTIVE' | 'FAILED',
  ) {}

  /**
   * Stores a finalized upload as a File that starts in PROCESSING when polls are configured;
   * `audioSeconds`: how long it plays, for an audio file.
   */
  add(completed: CompletedUpload, audioSeconds: number | undefined): RecordedUpload {
    const upload: RecordedUpload = {
      name: `files/${completed.fileId}`,
      uri: `${this.baseUrl()}/v1beta/files/${completed.fileId}`,
      displayName: completed.displayName,
      mimeType: completed.mimeType,
      sizeBytes: completed.bytes.length,
      bytes: completed.bytes,
      audioSeconds,
      headers: completed.headers,
    };
    this.uploads.push(upload);
    this.files.set(upload.name, {
      upload,
      getsServed: 0,
      processingPolls: this.processingPolls,
      expired: false,
      createdAt: Date.now(),
    });
    return upload;
  }

  /** The File resource as `GET files/{id}` returns it; undefined when unknown or expired. */
  get(name: string): Record<string, unknown> | undefined {
    this.fileGetCount += 1;
    const stored = this.files.get(name);
    if (stored === undefined || stored.expired) return undefined;
    stored.getsServed += 1;
    return this.describe(stored);
  }

  /** Live files in upload order, `pageSize` at a time; the page token is the next offset. */
  list(pageSize: number, pageToken: string | null): EmulatedFilePage {
    this.fileListCount += 1;
    const live = [...this.files.values()].filter((stored) => !stored.expired);
    const start = Number(pageToken ?? '0') || 0;
    const end = start + Math.max(1, pageSize);
    const files = live.slice(start, end).map((stored) => this.describe(stored));
    return end < live.length ? { files, nextPageToken: String(end) } : { files };
  }

  /** Removes a file; false when it was unknown or already gone. */
  delete(name: string): boolean {
    this.fileDeleteCount += 1;
    const stored = this.files.get(name);
    if (stored === undefined || stored.expired) return false;
    this.files.delete(name);
    return true;
  }

  /** Keeps a stored file PROCESSING for `polls` more `files.get` answers. */
  holdProcessing(name: string, polls: number): void {
    const stored = this.files.get(name);
    if (stored !== undefined) stored.processingPolls = stored.getsServed + polls;
  }

  /** The playing time of each live audio file among `uris`, by URI. */
  audioSecondsOf(uris: readonly string[]): Record<string, number> {
    const seconds: Record<string, number> = {};
    for (const uri of uris) {
      const stored = [...this.files.values()].find((file) => file.upload.uri === uri);
      const playing = stored === undefined || stored.expired ? undefined : stored.upload.audioSeconds;
      if (playing !== undefined) seconds[uri] = playing;
    }
    return seconds;
  }

  /** The bytes of a live file (a batch's input file), by name; undefined when unknown or expired. */
  bytesOf(name: string): Buffer | undefined {
    const stored = this.files.get(name);
    return stored === undefined || stored.expired ? undefined : stored.upload.bytes;
  }

  /** The name of the file behind a URI when a prompt may use it now (stored, ACTIVE). */
  usableNameOf(uri: string): string | undefined {
    const stored = [...this.files.values()].find((file) => file.upload.uri === uri);
    return stored !== undefined && !stored.expired && this.stateOf(stored) === 'ACTIVE'
      ? stored.upload.name
      : undefined;
  }

  /** The File resource without counting a poll (for the upload answer). */
  describeByName(name: string): Record<string, unknown> | undefined {
    const stored = this.files.get(name);
    return stored === undefined ? undefined : this.describe(stored);
  }

  /** Why a generateContent may not use this URI, or undefined when it may. */
  problemWithUri(uri: string): { status: number; message: string } | undefined {
    const stored = [...this.files.values()].find((file) => file.upload.uri === uri);
    if (stored === undefined || stored.expired) {
      return {
        status: 403,
        message: `You do not have permission to access the File ${uri} or it may not exist.`,
      };
    }
    const state = this.stateOf(stored);
    if (state !== 'ACTIVE') {
      return {
        status: 400,
        message: `The File ${stored.upload.name} is not in an ACTIVE state and usage is not allowed.`,
      };
    }
    return undefined;
  }

  expire(name: string): void {
    const stored = this.files.get(name);
    if (stored !== undefined) stored.expired = true;
  }

  private stateOf(stored: StoredFile): EmulatedFileState {
    // `getsServed` already counts the answer being written: poll N reports PROCESSING while N <= polls.
    const processing = stored.processingPolls > 0 && stored.getsServed <= stored.processingPolls;
    return processing ? 'PROCESSING' : this.finalState;
  }

  private describe(stored: StoredFile): Record<string, unknown> {
    return describeEmulatedFile(stored.upload, this.stateOf(stored), stored.createdAt);
  }
}
