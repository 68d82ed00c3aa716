import type { IncomingHttpHeaders } from 'node:http';
import type { RecordedUpload } from './emulator-types.js';

interface PendingUpload {
  displayName: string | undefined;
  mimeType: string;
  declaredSize: number;
  chunks: Buffer[];
  received: number;
  headers: IncomingHttpHeaders;
}

interface StoredFile {
  upload: RecordedUpload;
  getsServed: number;
  expired: boolean;
  createdAt: number;
}

export type FileState = 'PROCESSING' | 'ACTIVE' | 'FAILED';

/**
 * The Files API side of the emulator: resumable upload sessions, stored files and their
 * PROCESSING -> ACTIVE|FAILED life cycle, counted in `files.get` calls so polling is testable.
 */
export class EmulatedFileStore {
  readonly uploads: RecordedUpload[] = [];
  fileGetCount = 0;
  /** Upload start requests seen, including those answered with an injected failure. */
  uploadStarts = 0;
  private readonly pending = new Map<string, PendingUpload>();
  private readonly files = new Map<string, StoredFile>();
  private nextId = 1;

  constructor(
    private readonly baseUrl: () => string,
    private readonly processingPolls: number,
    private readonly finalState: 'ACTIVE' | 'FAILED',
  ) {}

  /** Opens a session; returns the id that goes into the `x-goog-upload-url`. */
  start(start: Omit<PendingUpload, 'chunks' | 'received'>): string {
    const uploadId = `upload${this.nextId++}`;
    this.pending.set(uploadId, { ...start, chunks: [], received: 0 });
    return uploadId;
  }

  /** Appends a chunk; returns the stored file on finalize, `'active'` otherwise, or an error text. */
  receiveChunk(
    uploadId: string,
    offset: number,
    chunk: Buffer,
    finalize: boolean,
  ): RecordedUpload | 'active' | string {
    const session = this.pending.get(uploadId);
    if (session === undefined) return `unknown upload id ${uploadId}`;
    if (offset !== session.received)
      return `offset ${offset} does not match ${session.received} bytes received`;
    session.chunks.push(chunk);
    session.received += chunk.length;
    if (!finalize) return 'active';
    this.pending.delete(uploadId);
    if (session.received !== session.declaredSize) {
      return `received ${session.received} bytes, announced ${session.declaredSize}`;
    }
    const id = uploadId.replace('upload', 'file');
    const upload: RecordedUpload = {
      name: `files/${id}`,
      uri: `${this.baseUrl()}/v1beta/files/${id}`,
      displayName: session.displayName,
      mimeType: session.mimeType,
      sizeBytes: session.received,
      bytes: Buffer.concat(session.chunks),
      headers: session.headers,
    };
    this.uploads.push(upload);
    this.files.set(upload.name, { upload, getsServed: 0, expired: false, createdAt: Date.now() });
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

  private stateOf(stored: StoredFile): FileState {
    const processing = this.processingPolls > 0 && stored.getsServed <= this.processingPolls;
    return processing ? 'PROCESSING' : this.finalState;
  }

  private describe(stored: StoredFile): Record<string, unknown> {
    const { upload } = stored;
    const state = this.stateOf(stored);
    const created = stored.createdAt;
    return {
      name: upload.name,
      displayName: upload.displayName,
      mimeType: upload.mimeType,
      sizeBytes: String(upload.sizeBytes),
      createTime: new Date(created).toISOString(),
      updateTime: new Date(created).toISOString(),
      expirationTime: new Date(created + 48 * 3600 * 1000).toISOString(),
      uri: upload.uri,
      state,
      source: 'UPLOADED',
      ...(state === 'FAILED' ? { error: { code: 400, message: 'Emulated processing failure.' } } : {}),
    };
  }
}
