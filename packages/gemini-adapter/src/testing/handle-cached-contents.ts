import type { IncomingMessage, ServerResponse } from 'node:http';
import { tryParseJson } from '@tp2dg/entities';
import {
  CACHE_NOT_FOUND,
  type CreateCacheBody,
  describeEmulatedCache,
  type EmulatedCacheStore,
  type StoredCache,
} from './emulated-cache-store.js';
import type { EmulatedModels } from './emulated-models.js';
import { sendGoogleError, sendJson } from './send-emulated-reply.js';

const collectionPath = '/v1beta/cachedContents';
const cachePath = /^\/v1beta\/(cachedContents\/[a-z0-9]+)$/;
/** The service's default page size for `cachedContents.list`. */
const DEFAULT_PAGE_SIZE = 10;

export interface CachedContentsContext {
  caches: EmulatedCacheStore;
  models: EmulatedModels;
  /** The request body, read whole. */
  body: Buffer;
}

function sendCache(response: ServerResponse, outcome: StoredCache | { status: number; message: string }) {
  if ('status' in outcome) sendGoogleError(response, outcome.status, outcome.message);
  else sendJson(response, 200, describeEmulatedCache(outcome));
}

/**
 * The `cachedContents` endpoints @google/genai 2.32 calls: `POST cachedContents` (create),
 * `GET cachedContents` (list, paged), and `GET`, `PATCH` (ttl) and `DELETE cachedContents/{id}`.
 * False when the request is none of them.
 */
export function handleCachedContents(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: CachedContentsContext,
): boolean {
  const { caches } = context;
  const body = () => (tryParseJson(context.body.toString('utf8')) ?? {}) as CreateCacheBody;
  if (url.pathname === collectionPath) {
    if (request.method === 'POST') {
      const created = body();
      // An unserved model answers 404 as on generateContent.
      if (context.models.admit(created.model?.replace(/^models\//, '') ?? '', response)) {
        sendCache(response, caches.create(created));
      }
      return true;
    }
    if (request.method === 'GET') {
      const pageSize = Number(url.searchParams.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
      const page = caches.list(pageSize, url.searchParams.get('pageToken'));
      sendJson(response, 200, {
        cachedContents: page.caches.map(describeEmulatedCache),
        ...(page.nextPageToken === undefined ? {} : { nextPageToken: page.nextPageToken }),
      });
      return true;
    }
    return false;
  }
  const name = cachePath.exec(url.pathname)?.[1];
  if (name === undefined) return false;
  switch (request.method) {
    case 'GET':
      sendCache(response, caches.get(name) ?? CACHE_NOT_FOUND);
      return true;
    case 'PATCH':
      sendCache(response, caches.update(name, body()));
      return true;
    case 'DELETE':
      // The SDK parses the answer as JSON: an empty object, not an empty body.
      if (caches.delete(name)) sendJson(response, 200, {});
      else sendGoogleError(response, CACHE_NOT_FOUND.status, CACHE_NOT_FOUND.message);
      return true;
    default:
      return false;
  }
}
