import { SIMULATED_PROVIDER, Tp2dgError } from '@tp2dg/entities';
import { z } from 'zod';
import type { ModelCapabilitiesV1, ModelProviderPluginV1 } from '../spec/v1/index.js';

/**
 * The simulated backend reads no file and answers from the session data, in whatever format the
 * caller's offline model writes; it is free and answers a request the same way every time.
 */
const SIMULATED_CAPABILITIES: ModelCapabilitiesV1 = {
  media: [
    { mimeType: 'image/*', delivery: 'inline' },
    { mimeType: 'audio/*', delivery: 'inline' },
  ],
  jsonSchemaReplies: false,
  systemInstructions: true,
  caching: 'none',
  batch: false,
  prices: 'unpriced',
  freeAndDeterministic: true,
};

/**
 * `--provider simulated`: the caller's own offline model (`context.simulatedModel`: the agents'
 * simulated model when generating, the simulated judge when evaluating) behind the provider spec,
 * for dry runs and tests. Its output is labelled simulated everywhere and never passes for a model's.
 */
export const simulatedModelProvider: ModelProviderPluginV1<Record<string, never>> = {
  specificationVersion: 'v1',
  name: SIMULATED_PROVIDER,
  description: 'Offline stand-in: answers from the session data, free and deterministic, NOT LLM output.',
  optionsSchema: z.strictObject({}),
  capabilities: SIMULATED_CAPABILITIES,
  create(_options, context) {
    const { simulatedModel } = context;
    if (simulatedModel === undefined) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        'the simulated provider answers with the caller\'s offline model: pass "simulatedModel" in the provider context',
      );
    }
    return {
      specificationVersion: 'v1',
      provider: SIMULATED_PROVIDER,
      modelId: SIMULATED_PROVIDER,
      capabilities: SIMULATED_CAPABILITIES,
      forSession: simulatedModel,
    };
  },
};
