import { Tp2dgError, ZERO_USAGE } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createModelProvider } from '../create-model-provider.js';
import { describeModelProviderConformance } from '../testing/describe-model-provider-conformance.js';
import { simulatedModelProvider } from './simulated-provider.js';

const context = { model: 'ignored', env: {}, seed: 1, timeoutMs: 1000, maxAttempts: 1 };

describeModelProviderConformance({
  name: 'simulated',
  create: () =>
    createModelProvider(
      simulatedModelProvider,
      {},
      {
        ...context,
        // The caller's offline model: here one that answers every request alike, as the judge does.
        simulatedModel: () => ({
          provider: 'simulated',
          model: 'simulated',
          async generate(request) {
            if (request.signal?.aborted) throw new Tp2dgError('ABORTED', 'aborted');
            return { text: '{"answer": "simulated"}', usage: ZERO_USAGE, finishReason: 'stop' };
          },
        }),
      },
    ),
});

describe('simulatedModelProvider', () => {
  it('should be free and deterministic, which no real provider may claim', async () => {
    const provider = await createModelProvider(
      simulatedModelProvider,
      {},
      {
        ...context,
        simulatedModel: () => ({
          provider: 'simulated',
          model: 'simulated',
          generate: () => Promise.reject(),
        }),
      },
    );
    expect(provider.capabilities.freeAndDeterministic).toBe(true);
    expect(provider.modelId).toBe('simulated');
  });

  it('should say what it needs when the caller gives no offline model, and take no option', async () => {
    await expect(createModelProvider(simulatedModelProvider, {}, context)).rejects.toThrow(/simulatedModel/);
    await expect(createModelProvider(simulatedModelProvider, { seed: 1 }, context)).rejects.toThrow(
      /Model provider "simulated"/,
    );
  });
});
