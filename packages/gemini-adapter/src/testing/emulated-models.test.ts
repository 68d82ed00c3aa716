import { ApiError, GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { testApiKey } from '../test-helpers.js';
import type { GeminiEmulator, GeminiEmulatorOptions } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: GeminiEmulatorOptions = {}) {
  emulator = await startGeminiEmulator({ respond: () => ({ text: 'ok' }), ...options });
  const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
  return { emulator, client };
}

/** The HTTP status a call ends with: 200, or its ApiError's. */
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: ApiError) => error.status,
  );

describe('the models an emulator serves', () => {
  it('should serve the current models and answer 404 NOT_FOUND for a retired one, as the service does', async () => {
    const { emulator, client } = await start();
    expect(await client.models.get({ model: 'gemini-3.5-flash-lite' })).toMatchObject({
      name: 'models/gemini-3.5-flash-lite',
    });
    expect(await statusOf(client.models.get({ model: 'models/gemini-3.8-flash-001' }))).toBe(200);
    const retired = { model: 'gemini-2.5-flash', contents: 'hi' };
    const failure = await client.models.generateContent(retired).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(404);
    expect((failure as ApiError).message).toContain(
      'models/gemini-2.5-flash is not found for API version v1beta, or is not supported for generateContent',
    );
    expect(await statusOf(client.models.get({ model: 'gemini-2.5-pro' }))).toBe(404);
    expect(await statusOf(client.models.countTokens(retired))).toBe(404);
    expect(emulator.requests).toHaveLength(0);
    expect(emulator.counters).toMatchObject({ modelLookups: 3, unservedModelRequests: 3, countTokens: 0 });
  });

  it('should serve only the models it is given', async () => {
    const { emulator, client } = await start({ models: ['gemini-2.5-flash'] });
    expect(await statusOf(client.models.generateContent({ model: 'gemini-2.5-flash', contents: 'hi' }))).toBe(
      200,
    );
    expect(await statusOf(client.models.get({ model: 'gemini-3.5-flash-lite' }))).toBe(404);
    expect(emulator.requests.map((request) => request.model)).toEqual(['gemini-2.5-flash']);
  });
});
