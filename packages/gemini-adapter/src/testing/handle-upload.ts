import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedFileStore } from './emulated-file-store.js';
import type { GeminiEmulatorOptions } from './emulator-types.js';
import { isHang, sendEmulatedReply, sendJson } from './send-emulated-reply.js';

interface UploadContext {
  store: EmulatedFileStore;
  baseUrl: string;
  options: GeminiEmulatorOptions;
  body: Buffer;
}

function badRequest(response: ServerResponse, message: string): void {
  sendJson(response, 400, { error: { code: 400, message, status: 'INVALID_ARGUMENT' } });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
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
    const parsed = JSON.parse(context.body.toString('utf8') || '{}') as {
      file?: { displayName?: string; mimeType?: string };
    };
    const mimeType = header(request, 'x-goog-upload-header-content-type') ?? parsed.file?.mimeType;
    const declaredSize = Number(header(request, 'x-goog-upload-header-content-length'));
    if (header(request, 'x-goog-upload-protocol') !== 'resumable' || mimeType === undefined) {
      badRequest(response, 'Upload start needs X-Goog-Upload-Protocol: resumable and a content type.');
      return;
    }
    const displayName = parsed.file?.displayName;
    const injected = context.options.respondToUploadStart?.({
      index: context.store.uploadStarts++,
      displayName,
      mimeType,
    });
    if (injected !== undefined) {
      if (!isHang(injected)) sendEmulatedReply(response, injected, 'files');
      return;
    }
    const id = context.store.start({ displayName, mimeType, declaredSize, headers: request.headers });
    const uploadUrl = `${context.baseUrl}/upload/v1beta/files?upload_id=${id}&upload_protocol=resumable`;
    sendJson(response, 200, {}, { 'x-goog-upload-url': uploadUrl, 'x-goog-upload-status': 'active' });
    return;
  }
  if (uploadId === null || !command.startsWith('upload')) {
    badRequest(response, `Unsupported upload command "${command}".`);
    return;
  }
  const offset = Number(header(request, 'x-goog-upload-offset') ?? '0');
  const outcome = context.store.receiveChunk(uploadId, offset, context.body, command.includes('finalize'));
  if (outcome === 'active') {
    sendJson(response, 200, {}, { 'x-goog-upload-status': 'active' });
  } else if (typeof outcome === 'string') {
    badRequest(response, outcome);
  } else {
    const file = context.store.describeByName(outcome.name);
    sendJson(response, 200, { file }, { 'x-goog-upload-status': 'final' });
  }
}
