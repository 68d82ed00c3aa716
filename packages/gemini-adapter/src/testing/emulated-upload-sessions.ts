import type { IncomingHttpHeaders } from 'node:http';

/** What an upload start request announced. */
export interface UploadAnnouncement {
  displayName: string | undefined;
  mimeType: string;
  declaredSize: number;
  /** Headers of the start request, kept so tests can check the protocol headers. */
  headers: IncomingHttpHeaders;
}

/** The bytes of a finalized upload, ready to become a stored file. */
export interface CompletedUpload extends UploadAnnouncement {
  /** `file<N>`: the id of the File it becomes. */
  fileId: string;
  bytes: Buffer;
}

interface PendingUpload extends UploadAnnouncement {
  chunks: Buffer[];
  received: number;
}

/**
 * Open resumable upload sessions: chunks must arrive at the offset already received, and the
 * finalized size must match the announced one, as the service insists.
 */
export class EmulatedUploadSessions {
  /** Upload start requests seen, including those answered with an injected failure. */
  starts = 0;
  private readonly pending = new Map<string, PendingUpload>();
  private nextId = 1;

  /** Opens a session; returns the id that goes into the `x-goog-upload-url`. */
  open(announcement: UploadAnnouncement): string {
    const uploadId = `upload${this.nextId++}`;
    this.pending.set(uploadId, { ...announcement, chunks: [], received: 0 });
    return uploadId;
  }

  /** Appends a chunk; returns the upload on finalize, `'active'` otherwise, or an error text. */
  receiveChunk(
    uploadId: string,
    offset: number,
    chunk: Buffer,
    finalize: boolean,
  ): CompletedUpload | 'active' | string {
    const session = this.pending.get(uploadId);
    if (session === undefined) return `unknown upload id ${uploadId}`;
    if (offset !== session.received) {
      return `offset ${offset} does not match ${session.received} bytes received`;
    }
    session.chunks.push(chunk);
    session.received += chunk.length;
    if (!finalize) return 'active';
    this.pending.delete(uploadId);
    if (session.received !== session.declaredSize) {
      return `received ${session.received} bytes, announced ${session.declaredSize}`;
    }
    const { chunks, received: _received, ...announcement } = session;
    return { ...announcement, fileId: uploadId.replace('upload', 'file'), bytes: Buffer.concat(chunks) };
  }
}
