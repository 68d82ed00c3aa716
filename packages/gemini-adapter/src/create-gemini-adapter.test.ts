import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import { startTestRig, testApiKey, textRequest } from './test-helpers.js';
import { startGeminiEmulator } from './testing/start-gemini-emulator.js';

describe('createGeminiAdapter', () => {
  it('should send the system instruction and the whole history with user and model roles', async () => {
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'Try some bossa nova.' }) });
    const result = await model.generate({
      label: { agent: 'listener', turn: 2, template: 'listener-turn', attempt: 1 },
      systemInstruction: 'You are a listener.',
      messages: [
        { role: 'user', parts: [{ kind: 'text', text: 'Hello' }] },
        { role: 'model', parts: [{ kind: 'text', text: 'Hi, what do you like?' }] },
        { role: 'user', parts: [{ kind: 'text', text: 'Jazz.' }] },
      ],
    });
    expect(result).toEqual({
      text: 'Try some bossa nova.',
      finishReason: 'stop',
      usage: expect.objectContaining({ text_input: 0, output: 0 }),
      retries: [],
      serviceTier: 'standard',
    });
    const [received] = emulator.requests;
    expect(received?.model).toBe('gemini-3.5-flash-lite');
    expect(received?.headers['x-goog-api-key']).toBe(testApiKey);
    expect(received?.body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Hello' }] },
      { role: 'model', parts: [{ text: 'Hi, what do you like?' }] },
      { role: 'user', parts: [{ text: 'Jazz.' }] },
    ]);
    expect(received?.body.systemInstruction).toEqual({
      role: 'user',
      parts: [{ text: 'You are a listener.' }],
    });
    // Nothing configured: no temperature, seed or JSON mode reaches the wire.
    expect(received?.body.generationConfig ?? {}).toEqual({});
  });

  it('should ask for JSON with the schema, temperature and seed in generationConfig', async () => {
    const schema = { type: 'object', properties: { track_id: { type: 'string' } }, required: ['track_id'] };
    const { emulator, model } = await startTestRig(
      { respond: () => ({ text: '{"track_id":"t1"}' }) },
      { temperature: 0.7, seed: 42 },
    );
    const result = await model.generate(textRequest('Recommend one', { responseJsonSchema: schema }));
    expect(JSON.parse(result.text)).toEqual({ track_id: 't1' });
    expect(emulator.requests[0]?.body.generationConfig).toEqual({
      temperature: 0.7,
      seed: 42,
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
  });

  it('should pass the thinking budget and the output cap in generationConfig', async () => {
    const { emulator, model } = await startTestRig(
      { respond: () => ({ text: 'ok' }) },
      { thinkingBudget: 0, maxOutputTokens: 512 },
    );
    await model.generate(textRequest('hi'));
    expect(emulator.requests[0]?.body.generationConfig).toEqual({
      thinkingConfig: { thinkingBudget: 0 },
      maxOutputTokens: 512,
    });
  });

  it('should give each later reply attempt of a call its own seed', async () => {
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { seed: 42 });
    const label = { agent: 'recsys', turn: 3, template: 'reask', attempt: 3 } as const;
    await model.generate(textRequest('Recommend one', { label }));
    expect(emulator.requests[0]?.body.generationConfig).toMatchObject({ seed: 44 });
  });

  it('should name itself gemini with the configured model', async () => {
    const { model } = await startTestRig(
      { respond: () => ({ text: '' }) },
      { model: 'gemini-3.1-pro-preview' },
    );
    expect(model.provider).toBe('gemini');
    expect(model.model).toBe('gemini-3.1-pro-preview');
  });

  it('should refuse an empty API key with MISSING_API_KEY before any request', () => {
    let caught: unknown;
    try {
      createGeminiAdapter({
        apiKey: ' ',
        model: 'gemini-3.5-flash-lite',
        baseUrl: 'http://127.0.0.1:9',
        env: {},
      });
    } catch (error) {
      caught = error;
    }
    expect(Tp2dgError.isInstance(caught) && caught.code).toBe('MISSING_API_KEY');
  });

  it('should take the key and base URL from the environment, GOOGLE_API_KEY first', async () => {
    const emulator = await startGeminiEmulator({ respond: () => ({ text: 'ok' }), apiKey: 'google-key' });
    try {
      const env = {
        GOOGLE_API_KEY: 'google-key',
        GEMINI_API_KEY: 'gemini-key',
        GOOGLE_GEMINI_BASE_URL: emulator.baseUrl,
      };
      const model = createGeminiAdapter({ model: 'gemini-3.5-flash-lite', env });
      expect((await model.generate(textRequest('hi'))).text).toBe('ok');
      expect(emulator.requests[0]?.headers['x-goog-api-key']).toBe('google-key');
    } finally {
      await emulator.close();
    }
  });
});
