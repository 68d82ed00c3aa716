import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedFileStore } from './emulated-file-store.js';
import { sendGoogleError, sendJson } from './send-emulated-reply.js';

// @google/genai keeps only [a-z0-9] of a file id in its requests, so nothing else can reach a file route.
const filePath = /^\/v1beta\/(files\/[a-z0-9]+)$/;
/** The service's default page size for `files.list`. */
const DEFAULT_PAGE_SIZE = 10;

/**
 * `GET files/{id}`, `GET files` (paged) and `DELETE files/{id}`; false when the request is
 * none of them. Unknown, expired and deleted files answer 404, as on the service.
 */
export function handleFiles(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  store: EmulatedFileStore,
): boolean {
  if (request.method === 'GET' && url.pathname === '/v1beta/files') {
    const pageSize = Number(url.searchParams.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
    sendJson(response, 200, store.list(pageSize, url.searchParams.get('pageToken')));
    return true;
  }
  const name = filePath.exec(url.pathname)?.[1];
  if (name === undefined) return false;
  if (request.method === 'GET') {
    const file = store.get(name);
    if (file === undefined) sendGoogleError(response, 404, `File ${name} not found.`);
    else sendJson(response, 200, file);
    return true;
  }
  if (request.method === 'DELETE') {
    // The SDK parses the answer as JSON: an empty object, not an empty body.
    if (store.delete(name)) sendJson(response, 200, {});
    else sendGoogleError(response, 404, `File ${name} not found.`);
    return true;
  }
  return false;
}
