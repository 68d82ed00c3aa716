import { Tp2dgError, ZERO_USAGE } from '@tp2dg/entities';
import { z } from 'zod';
import type { ModelProviderPluginV1 } from '../spec/v1/index.js';

/** A minimal provider for the package's own tests: it answers with the last text it was sent. */
export const echoProvider: ModelProviderPluginV1<{ prefix: string }> = {
  specificationVersion: 'v1',
  name: 'echo',
  optionsSchema: z.strictObject({ prefix: z.string().default('') }),
  create: (options, context) => ({
    specificationVersion: 'v1',
    provider: 'echo',
    modelId: context.model,
    capabilities: {
      media: [],
      jsonSchemaReplies: false,
      systemInstructions: true,
      caching: 'none',
      batch: false,
      prices: 'unpriced',
      freeAndDeterministic: false,
    },
    forSession: () => ({
      provider: 'echo',
      model: context.model,
      async generate(request) {
        if (request.signal?.aborted) throw new Tp2dgError('ABORTED', 'echo: the call was aborted');
        if (request.messages.some((message) => message.parts.some((part) => part.kind === 'file'))) {
          throw new Tp2dgError('INVALID_INPUT', 'echo takes no media files');
        }
        const text = request.messages.at(-1)?.parts.find((part) => part.kind === 'text')?.text ?? '';
        return { text: `${options.prefix}${text}`, usage: ZERO_USAGE, finishReason: 'stop' };
      },
    }),
  }),
};
