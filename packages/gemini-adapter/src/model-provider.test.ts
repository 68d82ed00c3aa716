import { createModelProvider } from '@tp2dg/model-providers';
import { describeModelProviderConformance } from '@tp2dg/model-providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import modelProvider from './index.js';
import { type GeminiEmulator, startGeminiEmulator } from './testing/index.js';

let emulator: GeminiEmulator;
beforeAll(async () => {
  emulator = await startGeminiEmulator({
    // JSON when the request asks for it by schema, plain text otherwise.
    respond: ({ body }) => ({
      text: body.generationConfig?.responseJsonSchema === undefined ? 'Hello there.' : '{"answer": "blue"}',
    }),
    apiKey: 'emulated-key',
  });
});
afterAll(() => emulator.close());

const contextOf = () => ({
  model: 'gemini-3.5-flash-lite',
  env: { GEMINI_API_KEY: 'emulated-key', GOOGLE_GEMINI_BASE_URL: emulator.baseUrl },
  seed: 1,
  timeoutMs: 5000,
  maxAttempts: 1,
});

describeModelProviderConformance({
  name: 'gemini',
  create: () => createModelProvider(modelProvider, {}, contextOf()),
});

describe('geminiProvider', () => {
  it('should declare explicit caching and batch as its options ask, and release what it stored', async () => {
    const provider = await createModelProvider(
      modelProvider,
      { explicitCacheMinTokens: 1024, batch: { settleMs: 0 }, serviceTier: 'standard' },
      contextOf(),
    );
    expect(provider.capabilities).toMatchObject({ caching: 'explicit', batch: true, prices: 'price-table' });
    expect(await provider.release?.afterRun?.()).toEqual([]);
    expect(await provider.release?.deleteAll?.()).toEqual([
      'Deleted 0 file(s) this run uploaded to Gemini.',
      'Deleted 0 Gemini context cache(s) tp2dg made on this key.',
    ]);
  });

  it('should refuse a run without a key, and an option of the wrong kind naming it', async () => {
    await expect(createModelProvider(modelProvider, {}, { ...contextOf(), env: {} })).rejects.toThrow(
      /needs an API key/,
    );
    await expect(createModelProvider(modelProvider, { serviceTier: 'cheap' }, contextOf())).rejects.toThrow(
      /Model provider "gemini": option "serviceTier"/,
    );
  });
});
