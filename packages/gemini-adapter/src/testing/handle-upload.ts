import type { IncomingMessage, ServerResponse } from 'node:http';
import { emulatedApiError } from './emulated-api-error.js';
import type { EmulatedFileStore } from './emulated-file-store.js';
import type { EmulatedUploadSessions } from './emulated-upload-sessions.js';
import type { FaultInjector } from './emulator-faults.js';
import type { GeminiEmulatorOptions } from './emulator-types.js';
import { isHang, sendEmulatedReply, sendGoogleError, sendJson } from './send-emulated-reply.js';
import { uploadedAudioSeconds } from './uploaded-audio-seconds.js';

/** How long a `stuckProcessing` file stays PROCESSING: enough to need several polls. */
const STUCK_POLLS = 3;

export interface UploadContext {
  /** Draws the delay before a finalizing chunk is taken in and answered. */
  latency: () => number;
  store: EmulatedFileStore;
  sessions: EmulatedUploadSessions;
  faults: FaultInjector;
  baseUrl: string;
  options: GeminiEmulatorOptions;
  body: Buffer;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function startUpload(request: IncomingMessage, response: ServerResponse, context: UploadContext): void {
  const parsed = JSON.parse(context.body.toString('utf8') || '{}') as {
    file?: { displayName?: string; mimeType?: string };
  };
  const mimeType = header(request, 'x-goog-upload-header-content-type') ?? parsed.file?.mimeType;
  const declaredSize = Number(header(request, 'x-goog-upload-header-content-length'));
  if (header(request, 'x-goog-upload-protocol') !== 'resumable' || mimeType === undefined) {
    const message = 'Upload start needs X-Goog-Upload-Protocol: resumable and a content type.';
    sendGoogleError(response, 400, message);
    return;
  }
  const displayName = parsed.file?.displayName;
  const index = context.sessions.starts++;
  const injected =
    context.options.respondToUploadStart?.({ index, displayName, mimeType }) ??
    (context.faults.pick(['failedUpload'], `upload ${displayName} ${mimeType}`) === undefined
      ? undefined
      : emulatedApiError(503));
  if (injected !== undefined) {
    if (!isHang(injected)) sendEmulatedReply(response, injected, 'files');
    return;
  }
  const id = context.sessions.open({ displayName, mimeType, declaredSize, headers: request.headers });
  const uploadUrl = `${context.baseUrl}/upload/v1beta/files?upload_id=${id}&upload_protocol=resumable`;
  sendJson(response, 200, {}, { 'x-goog-upload-url': uploadUrl, 'x-goog-upload-status': 'active' });
}

/**
 * The resumable upload protocol of the Files API: a start request announces size and type
 * and gets an `x-goog-upload-url`; chunks follow with `upload` / `upload, finalize` commands.
 */
export async function handleUpload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: UploadContext,
): Promise<void> {
  const command = header(request, 'x-goog-upload-command') ?? '';
  const uploadId = url.searchParams.get('upload_id');
  if (command === 'start') {
    startUpload(request, response, context);
    return;
  }
  if (uploadId === null || !command.startsWith('upload')) {
    sendGoogleError(response, 400, `Unsupported upload command "${command}".`);
    return;
  }
  const offset = Number(header(request, 'x-goog-upload-offset') ?? '0');
  const finalize = command.includes('finalize');
  // Held before the file is stored, so `counters.uploads` counts only uploads answered.
  const delay = finalize ? context.latency() : 0;
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const outcome = context.sessions.receiveChunk(uploadId, offset, context.body, finalize);
  if (outcome === 'active') {
    sendJson(response, 200, {}, { 'x-goog-upload-status': 'active' });
  } else if (typeof outcome === 'string') {
    sendGoogleError(response, 400, outcome);
  } else {
    const stored = context.store.add(outcome, await uploadedAudioSeconds(outcome.bytes, outcome.mimeType));
    if (
      context.faults.pick(['stuckProcessing'], `process ${outcome.displayName} ${outcome.mimeType}`) !==
      undefined
    ) {
      context.store.holdProcessing(stored.name, STUCK_POLLS);
    }
    const file = context.store.describeByName(stored.name);
    sendJson(response, 200, { file }, { 'x-goog-upload-status': 'final' });
  }
}
