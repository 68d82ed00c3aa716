import type { CallQuota } from '@tp2dg/call-quota';
import { Tp2dgError } from '@tp2dg/entities';

/** What `createOpenAiCompatibleModel` takes; everything but `model` has a default. */
export interface OpenAiCompatibleOptions {
  /** Any name the server serves (`Qwen/Qwen2.5-Omni-7B`, `llama3.2`, ...): sent as is. */
  model: string;
  /** Ends before `/chat/completions`, e.g. `http://127.0.0.1:8000/v1`; default `OPENAI_BASE_URL`. */
  baseUrl?: string | undefined;
  /** Sent as a bearer token; default `OPENAI_API_KEY`. Local servers often need none. */
  apiKey?: string | undefined;
  /** Where `OPENAI_BASE_URL` and `OPENAI_API_KEY` are read; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * Whether the server takes `response_format: {type: 'json_schema'}`. Off (the default), a
   * request's JSON schema is not sent and the prompt's own reply format line does the work.
   */
  jsonSchema?: boolean;
  temperature?: number | undefined;
  /** Sent as `max_tokens`. */
  maxOutputTokens?: number | undefined;
  /** Per attempt; default 120 s. */
  timeoutMs?: number;
  /** Tries of one call, the first included; default 5. */
  maxAttempts?: number;
  /**
   * The per-minute quota every attempt waits for (`createCallQuota` of `@tp2dg/call-quota`):
   * share one among the ports of a run, as the provider plugin does. Default: no limits of its
   * own, though a 429 still halves this port's calls in flight.
   */
  quota?: CallQuota;
  /** Injectable for tests: waits between attempts and their jitter. */
  sleep?: (milliseconds: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
}

export interface Endpoint {
  url: string;
  apiKey: string | undefined;
}

/** The chat-completions URL and key, from the options or else the environment. */
export function resolveEndpoint(options: OpenAiCompatibleOptions): Endpoint {
  const env = options.env ?? process.env;
  const baseUrl = options.baseUrl || env.OPENAI_BASE_URL;
  if (!baseUrl) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      'no server for the OpenAI-compatible provider: pass --base-url (e.g. http://127.0.0.1:8000/v1) or set OPENAI_BASE_URL',
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `the base URL "${baseUrl}" is not a URL: give one such as http://127.0.0.1:8000/v1`,
    );
  }
  // A key in the URL would end up in error messages, which only ever name the URL.
  if (parsed.username !== '' || parsed.password !== '' || parsed.search !== '') {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      'the base URL must not carry credentials or a query: set the key in OPENAI_API_KEY instead',
    );
  }
  return {
    url: `${parsed.href.replace(/\/+$/, '')}/chat/completions`,
    apiKey: options.apiKey || env.OPENAI_API_KEY || undefined,
  };
}
