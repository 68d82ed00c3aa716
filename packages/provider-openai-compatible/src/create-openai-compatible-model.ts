import { createCallQuota } from '@tp2dg/call-quota';
import type { ModelPort, ModelRequest, ModelResult } from '@tp2dg/entities';
import { httpFailure, malformedFailure, networkFailure } from './attempt-failure.js';
import { type ChatCompletionRequest, chatCompletionRequest } from './chat-request.js';
import { type ChatCompletion, ChatCompletionSchema, finishReasonOf, usageOf } from './chat-response.js';
import { createMediaReader } from './media-part.js';
import { type OpenAiCompatibleOptions, resolveEndpoint } from './options.js';
import { quotaGateFor } from './quota-gate.js';
import { retryAfterMs } from './retry-after.js';
import { type AttemptOutcome, runAttempts } from './run-attempts.js';

/** Saved with every conversation as its provider. */
export const OPENAI_COMPATIBLE_PROVIDER = 'openai-compatible';

/** Where a call was made, for its errors: never the key, which only the headers carry. */
function describeCall(url: string, model: string, request: ModelRequest): string {
  const { agent, turn } = request.label;
  return `chat completion at ${url} (${model}, agent ${agent}${turn === null ? '' : `, turn ${turn}`})`;
}

async function post(
  body: ChatCompletionRequest,
  url: string,
  apiKey: string | undefined,
  fetchImpl: typeof fetch,
  signal: AbortSignal,
): Promise<AttemptOutcome<ChatCompletion>> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
      },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    return { ok: false, failure: networkFailure(error, apiKey) };
  }
  const text = await response.text();
  if (!response.ok) {
    const wait = retryAfterMs(response.headers.get('retry-after'), Date.now());
    return { ok: false, failure: httpFailure(response.status, text, wait, apiKey) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, failure: malformedFailure('the body is not JSON') };
  }
  const parsed = ChatCompletionSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, failure: malformedFailure(parsed.error.issues[0]?.message ?? 'unexpected shape') };
  return { ok: true, value: parsed.data };
}

/**
 * A `ModelPort` on a server that speaks OpenAI's chat-completions API, through Node's fetch.
 * Media go inline (base64) in every call, as the API has no file store tp2dg could rely on
 * across servers; each file is read once per port, so make a port per conversation.
 */
export function createOpenAiCompatibleModel(options: OpenAiCompatibleOptions): ModelPort {
  const { url, apiKey } = resolveEndpoint(options);
  const read = createMediaReader();
  const fetchImpl = options.fetch ?? fetch;
  const quota = options.quota ?? createCallQuota({ now: Date.now });
  const settings = {
    maxAttempts: options.maxAttempts ?? 5,
    timeoutMs: options.timeoutMs ?? 120_000,
    sleep:
      options.sleep ??
      ((milliseconds: number) => new Promise<void>((done) => setTimeout(done, milliseconds))),
    random: options.random ?? Math.random,
  };
  return {
    provider: OPENAI_COMPATIBLE_PROVIDER,
    model: options.model,
    async generate(request: ModelRequest): Promise<ModelResult> {
      const body = await chatCompletionRequest(request, {
        model: options.model,
        jsonSchema: options.jsonSchema ?? false,
        temperature: options.temperature,
        maxOutputTokens: options.maxOutputTokens,
        read,
      });
      const { value, retries } = await runAttempts(
        (signal) => post(body, url, apiKey, fetchImpl, signal),
        describeCall(url, options.model, request),
        request.signal,
        await quotaGateFor(quota, request),
        { ...settings, timeoutMs: request.timeoutMs ?? settings.timeoutMs },
      );
      const choice = value.choices[0];
      return {
        text: choice?.message.content ?? '',
        usage: usageOf(value.usage),
        finishReason: finishReasonOf(choice?.finish_reason),
        // The server's own word when it did not just stop, which `other` would otherwise hide.
        ...(typeof choice?.finish_reason === 'string' && choice.finish_reason !== 'stop'
          ? { providerMetadata: { finish_reason: choice.finish_reason } }
          : {}),
        ...(retries.length === 0 ? {} : { retries }),
      };
    },
  };
}
