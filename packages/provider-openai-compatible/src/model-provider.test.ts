import { createModelProvider } from '@tp2dg/model-providers';
import { describeModelProviderConformance } from '@tp2dg/model-providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import modelProvider from './index.js';
import { type OpenAiEmulator, startOpenAiEmulator } from './testing/index.js';

let emulator: OpenAiEmulator;
beforeAll(async () => {
  emulator = await startOpenAiEmulator({
    // JSON when the request asks for it by schema, plain text otherwise.
    respond: ({ body }) => ({
      content: body.response_format === undefined ? 'Hello there.' : '{"answer": "blue"}',
      usage: { prompt_tokens: 12, completion_tokens: 3 },
    }),
  });
});
afterAll(() => emulator.close());

const context = { model: 'served-model', env: {}, seed: 1, timeoutMs: 5000, maxAttempts: 1 };

describeModelProviderConformance({
  name: 'openai-compatible',
  create: () => createModelProvider(modelProvider, { baseUrl: emulator.baseUrl, jsonSchema: true }, context),
});

describe('openAiCompatibleProvider', () => {
  it('should let its options override the run settings and send the schema only with jsonSchema', async () => {
    const provider = await createModelProvider(
      modelProvider,
      { baseUrl: emulator.baseUrl, temperature: 0.2 },
      {
        ...context,
        temperature: 0.9,
      },
    );
    expect(provider.capabilities).toMatchObject({ jsonSchemaReplies: false, prices: 'unpriced' });
    await provider.forSession({} as never).generate({
      label: { agent: 'judge', turn: null, template: 't', attempt: 1 },
      messages: [{ role: 'user', parts: [{ kind: 'text', text: 'hi' }] }],
      responseJsonSchema: { type: 'object' },
    });
    const sent = emulator.requests.at(-1)?.body;
    expect(sent).toMatchObject({ model: 'served-model', temperature: 0.2 });
    expect(sent?.response_format).toBeUndefined();
  });

  it('should take rpm and tpm as whole numbers above zero, refusing others before any session', async () => {
    await expect(
      createModelProvider(modelProvider, { baseUrl: emulator.baseUrl, rpm: 0 }, context),
    ).rejects.toThrow(/rpm/);
    await expect(
      createModelProvider(modelProvider, { baseUrl: emulator.baseUrl, tpm: 1.5 }, context),
    ).rejects.toThrow(/tpm/);
    const limited = await createModelProvider(
      modelProvider,
      { baseUrl: emulator.baseUrl, rpm: 600, tpm: 100_000 },
      context,
    );
    const result = await limited.forSession({} as never).generate({
      label: { agent: 'judge', turn: null, template: 't', attempt: 1 },
      messages: [{ role: 'user', parts: [{ kind: 'text', text: 'hi' }] }],
    });
    expect(result.text).toBe('Hello there.');
  });

  it('should refuse a missing server before any session, and take OPENAI_BASE_URL from the env', async () => {
    await expect(createModelProvider(modelProvider, {}, context)).rejects.toThrow(/--base-url/);
    const fromEnv = await createModelProvider(
      modelProvider,
      {},
      { ...context, env: { OPENAI_BASE_URL: emulator.baseUrl } },
    );
    expect(fromEnv.modelId).toBe('served-model');
  });
});
