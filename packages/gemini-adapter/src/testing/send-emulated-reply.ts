import type { ServerResponse } from 'node:http';
import { emulatedApiError } from './emulated-api-error.js';
import type { EmulatedHang, EmulatedHttpReply, EmulatedReply, EmulatedSuccess } from './emulator-types.js';

export function isHang(reply: EmulatedReply): reply is EmulatedHang {
  return 'hang' in reply && reply.hang === true;
}

export function isHttpReply(reply: EmulatedReply): reply is EmulatedHttpReply {
  return 'status' in reply && typeof reply.status === 'number';
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  response.end(body === undefined ? '' : JSON.stringify(body));
}

/** Writes a Google JSON error body (`{error: {code, message, status}}`). */
export function sendGoogleError(
  response: ServerResponse,
  status: number,
  message: string,
  statusName?: string,
): void {
  const reply = emulatedApiError(status, { message, ...(statusName === undefined ? {} : { statusName }) });
  sendJson(response, reply.status, reply.body);
}

/** The GenerateContentResponse JSON Gemini sends for a success, a blocked prompt or a stopped candidate. */
export function toGenerateContentResponse(reply: EmulatedSuccess, model: string): Record<string, unknown> {
  const common = {
    ...(reply.usageMetadata === undefined ? {} : { usageMetadata: reply.usageMetadata }),
    modelVersion: model,
    responseId: 'emulated-response',
  };
  if (reply.blockReason !== undefined) {
    return { promptFeedback: { blockReason: reply.blockReason }, ...common };
  }
  // A reply stopped for safety or recitation carries no content, as the real service does.
  const content =
    reply.text === undefined || reply.text === ''
      ? {}
      : { content: { role: 'model', parts: [{ text: reply.text }] } };
  return { candidates: [{ ...content, finishReason: reply.finishReason ?? 'STOP', index: 0 }], ...common };
}

/** Writes any reply; a hang leaves the response open until the client gives up or the emulator closes. */
export function sendEmulatedReply(response: ServerResponse, reply: EmulatedReply, model: string): void {
  if (isHang(reply)) return;
  if (isHttpReply(reply)) {
    sendJson(response, reply.status, reply.body, reply.headers);
    return;
  }
  sendJson(response, 200, toGenerateContentResponse(reply, model));
}
