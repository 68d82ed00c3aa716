import type { HttpOptions } from '@google/genai';
import { Agent, request } from 'undici';

type Fetch = NonNullable<HttpOptions['fetch']>;

/**
 * A `Response` whose body was already read into memory. `text`, `json` and `clone` serve it
 * from there: a `Response` built on the string would wrap it in a WHATWG stream first, which
 * cost more CPU than the whole reply is worth. `body` is null, so nothing may stream it; the
 * SDK's unary calls only read `text` or `json`.
 */
class BufferedResponse extends Response {
  // Fields, not methods: the Fetch typings declare these members as properties.
  override readonly text = async (): Promise<string> => this.bodyText;
  override readonly json = async (): Promise<unknown> => JSON.parse(this.bodyText);
  override readonly clone = (): BufferedResponse => new BufferedResponse(this.bodyText, this.init);

  constructor(
    private readonly bodyText: string,
    private readonly init: ResponseInit,
  ) {
    super(null, init);
  }
}

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
      return new BufferedResponse(await reply.body.text(), {
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
