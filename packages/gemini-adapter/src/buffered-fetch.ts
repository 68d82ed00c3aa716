import type { HttpOptions } from '@google/genai';
import { Agent, request } from 'undici';

type Fetch = NonNullable<HttpOptions['fetch']>;

/** Statuses whose `Response` may not carry a body (the Fetch standard's null body statuses). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** undici's header record as name-value pairs, repeated headers (set-cookie) once per value. */
function headerPairs(received: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(received)) {
    if (typeof value === 'string') pairs.push([name, value]);
    else for (const item of value ?? []) pairs.push([name, item]);
  }
  return pairs;
}

/**
 * A `fetch` for the SDK's `httpOptions.fetch` that sends with undici's `request` and hands back
 * the whole reply as one `Response`. A generateContent reply is a small JSON body read at once,
 * so the WHATWG streams of Node's own fetch are pure cost: with this transport the SDK's share
 * of a call's CPU roughly halves (bench/overhead). To the SDK and our retry loop it fails like
 * fetch: `TypeError('fetch failed')` with undici's error as `cause`, or the signal's reason on
 * an abort. Only for JSON calls: uploads keep the SDK's own fetch, which streams the file.
 */
export function createBufferedFetch(): Fetch {
  // No undici timeouts, like the SDK's own dispatcher: each attempt has its own abort timer.
  const dispatcher = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  return async (input, init) => {
    const signal = init?.signal ?? undefined;
    try {
      const reply = await request(input instanceof Request ? input.url : String(input), {
        dispatcher,
        method: (init?.method ?? 'GET') as 'GET',
        // The SDK sends a Headers, which undici takes as it is; copying it cost more than the send.
        headers: init?.headers instanceof Headers ? init.headers : new Headers(init?.headers),
        body: init?.body as string | undefined,
        signal,
      });
      const body = await reply.body.text();
      return new Response(NULL_BODY_STATUSES.has(reply.statusCode) ? null : body, {
        status: reply.statusCode,
        statusText: reply.statusText,
        headers: headerPairs(reply.headers),
      });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}
