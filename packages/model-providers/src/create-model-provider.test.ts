import { describe, expect, it } from 'vitest';
import { createModelProvider } from './create-model-provider.js';
import { echoProvider } from './test-support/echo-provider.js';

const context = { model: 'echo-1', env: {}, seed: 1, timeoutMs: 1000, maxAttempts: 1 };

describe('createModelProvider', () => {
  it('should create with the parsed options', async () => {
    const provider = await createModelProvider(echoProvider, { prefix: '> ' }, context);
    const result = await provider.forSession({} as never).generate({
      label: { agent: 'judge', turn: null, template: 't', attempt: 1 },
      messages: [{ role: 'user', parts: [{ kind: 'text', text: 'hi' }] }],
    });
    expect(result.text).toBe('> hi');
  });

  it('should refuse what create returns when its capabilities do not validate', async () => {
    const broken = {
      ...echoProvider,
      create: async (...args: Parameters<typeof echoProvider.create>) => ({
        ...(await echoProvider.create(...args)),
        capabilities: { media: [{ mimeType: 'image', delivery: 'inline' }] },
      }),
    };
    await expect(createModelProvider(broken as never, {}, context)).rejects.toThrow(
      /Model provider "echo" created something that is not a model provider: "capabilities.media.0.mimeType"/,
    );
  });

  it('should refuse a provider whose capabilities differ from those its plugin declares', async () => {
    const declared = { ...echoProvider, capabilities: { prices: 'price-table' as const } };
    await expect(createModelProvider(declared, {}, context)).rejects.toThrow(
      'Model provider "echo" declares capabilities.prices "price-table" but created a provider with "unpriced": make them agree.',
    );
    const agreeing = { ...echoProvider, capabilities: { prices: 'unpriced' as const, media: [] } };
    expect((await createModelProvider(agreeing, {}, context)).capabilities.prices).toBe('unpriced');
  });
});
