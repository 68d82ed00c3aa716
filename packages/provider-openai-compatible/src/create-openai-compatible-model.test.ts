import { ModelCallError, type ModelRequest, Tp2dgError } from '@tp2dg/entities';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiCompatibleModel } from './create-openai-compatible-model.js';
import type { OpenAiCompatibleOptions } from './options.js';
import { type EmulatedFault, type OpenAiEmulator, startOpenAiEmulator } from './testing/index.js';

const KEY = 'sk-test-DO-NOT-LEAK-5678';
const request: ModelRequest = {
  label: { agent: 'listener', turn: 1, template: 'listener-turn', attempt: 1 },
  messages: [{ role: 'user', parts: [{ kind: 'text', text: 'hello' }] }],
};

let emulator: OpenAiEmulator | undefined;
afterEach(() => emulator?.close());

async function setUp(faults: (EmulatedFault | undefined)[], options: Partial<OpenAiCompatibleOptions> = {}) {
  emulator = await startOpenAiEmulator({
    apiKey: KEY,
    respond: () => ({
      content: 'hi there',
      finishReason: 'length',
      usage: { prompt_tokens: 7, completion_tokens: 3 },
    }),
    fault: (recorded) => faults[recorded.index],
  });
  const waits: number[] = [];
  const model = createOpenAiCompatibleModel({
    model: 'llama3.2',
    env: { OPENAI_BASE_URL: emulator.baseUrl, OPENAI_API_KEY: KEY },
    maxAttempts: 4,
    sleep: async (milliseconds) => {
      waits.push(milliseconds);
    },
    random: () => 0,
    ...options,
  });
  return { model, waits, emulator };
}

describe('createOpenAiCompatibleModel', () => {
  it('should post with the bearer key and map the answer', async () => {
    const { model, emulator } = await setUp([]);
    const result = await model.generate(request);
    expect(result).toMatchObject({
      text: 'hi there',
      finishReason: 'length',
      providerMetadata: { finish_reason: 'length' },
      usage: { text_input: 7, output: 3 },
    });
    expect(result.retries).toBeUndefined();
    expect(emulator.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(model.provider).toBe('openai-compatible');
  });

  it('should retry a 429 after its Retry-After, a 500 and a malformed body, and record each retry', async () => {
    const { model, waits } = await setUp([
      { kind: 'rate-limit', retryAfterSeconds: 7 },
      { kind: 'server-error' },
      { kind: 'malformed' },
    ]);
    const result = await model.generate(request);
    expect(result.text).toBe('hi there');
    expect(result.retries?.map((retry) => [retry.status, retry.reason])).toEqual([
      [429, 'http'],
      [500, 'http'],
      [200, 'http'],
    ]);
    // Retry-After 7 s with no jitter (random 0), then equal-jitter backoff from 1 s.
    expect(waits).toEqual([7000, 1000, 2000]);
  });

  it('should fail a call whose attempts all fail, saying how often, and refuse a wait over five minutes', async () => {
    const failing = await setUp(Array(4).fill({ kind: 'server-error' }));
    const error = await failing.model.generate(request).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('MODEL_API');
    expect((error as Error).message).toMatch(/after 4 attempts: HTTP 500/);
    expect(ModelCallError.isInstance(error) && [error.status, error.retryable]).toEqual([500, true]);
    await failing.emulator.close();
    const quota = await setUp([{ kind: 'rate-limit', retryAfterSeconds: 3600 }]);
    const quotaError = await quota.model.generate(request).catch((caught: unknown) => caught);
    expect((quotaError as Error).message).toContain('asks to wait 3600 s');
    expect(quota.waits).toEqual([]);
  });

  it('should retry a network error and stop at a refused key, with the key in no message', async () => {
    const { model, emulator } = await setUp([], { apiKey: `${KEY}-wrong` });
    const error = await model.generate(request).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('MODEL_AUTH');
    expect((error as Error).message).toContain('without retry');
    expect(ModelCallError.isInstance(error) && [error.status, error.retryable]).toEqual([401, false]);
    expect(ModelCallError.isInstance(error) && error.body).toBeTruthy();
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(KEY);
    const { baseUrl } = emulator;
    await emulator.close();
    const waits: number[] = [];
    const offline = createOpenAiCompatibleModel({
      model: 'llama3.2',
      baseUrl,
      apiKey: KEY,
      maxAttempts: 2,
      sleep: async (milliseconds) => {
        waits.push(milliseconds);
      },
      random: () => 0,
    });
    const networkError = await offline.generate(request).catch((caught: unknown) => caught);
    expect((networkError as Error).message).toMatch(/after 2 attempts: network error/);
    expect((networkError as Error).message).not.toContain(KEY);
    expect(waits).toEqual([500]);
  });

  it('should time an attempt out and stop at once when the caller aborts', async () => {
    const hanging = createOpenAiCompatibleModel({
      model: 'm',
      baseUrl: 'http://127.0.0.1:9/v1',
      maxAttempts: 1,
      fetch: (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    const timedOut = await hanging.generate({ ...request, timeoutMs: 20 }).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(timedOut) && timedOut.code).toBe('MODEL_TIMEOUT');
    const controller = new AbortController();
    const pending = hanging
      .generate({ ...request, signal: controller.signal })
      .catch((caught: unknown) => caught);
    controller.abort();
    const aborted = await pending;
    expect(Tp2dgError.isInstance(aborted) && aborted.code).toBe('ABORTED');
  });

  it('should refuse a base URL that carries credentials, and ask for one when there is none', () => {
    expect(() => createOpenAiCompatibleModel({ model: 'm', env: {} })).toThrow(/--base-url/);
    expect(() =>
      createOpenAiCompatibleModel({ model: 'm', baseUrl: `http://user:${KEY}@host/v1`, env: {} }),
    ).toThrow(/must not carry credentials/);
  });
});
