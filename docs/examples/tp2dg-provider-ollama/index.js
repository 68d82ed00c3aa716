// index.js
import { readFile } from 'node:fs/promises';
import { ModelCallError, Tp2dgError, ZERO_USAGE } from '@tp2dg/entities';
import { z } from 'zod';

/** `--provider-option host=URL` or `--provider-config FILE`: checked before `create`. */
const optionsSchema = z.strictObject({
  host: z.url().optional(),
});

/** The same for every provider the plugin creates: a dry run reads them without creating one. */
const capabilities = {
  media: [
    { mimeType: 'image/png', delivery: 'inline' },
    { mimeType: 'image/jpeg', delivery: 'inline' },
  ],
  jsonSchemaReplies: true,
  systemInstructions: true,
  caching: 'none',
  batch: false,
  prices: 'unpriced',
  freeAndDeterministic: false,
};

/** One of tp2dg's messages as Ollama's: the texts joined, the images in base64. */
async function ollamaMessage({ role, parts }) {
  const texts = [];
  const images = [];
  for (const part of parts) {
    if (part.kind === 'text') texts.push(part.text);
    else if (capabilities.media.some((accepted) => accepted.mimeType === part.mimeType)) {
      images.push((await readFile(part.path)).toString('base64'));
    } else {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `ollama takes PNG and JPEG images only, not ${part.mimeType} (${part.path})`,
      );
    }
  }
  return { role: role === 'model' ? 'assistant' : 'user', content: texts.join('\n'), images };
}

/** A refused call, as the run reports and retries any provider's: retryable when a later try may pass. */
function failure(status, body) {
  const code =
    status === 401 || status === 403 ? 'MODEL_AUTH' : status === 404 ? 'MODEL_NOT_FOUND' : 'MODEL_API';
  const retryable = status === 408 || status === 429 || status >= 500;
  return new ModelCallError(`ollama answered HTTP ${status}`, { code, status, retryable, body });
}

/** @type {import('@tp2dg/model-providers').ModelProviderPluginV1<z.infer<typeof optionsSchema>>} */
const plugin = {
  specificationVersion: 'v1',
  name: 'ollama',
  description: "A model served by Ollama's own chat API, images included.",
  optionsSchema,
  capabilities,
  create(options, context) {
    const host = options.host ?? context.env.OLLAMA_HOST ?? 'http://127.0.0.1:11434';
    const port = {
      provider: 'ollama',
      model: context.model,
      async generate(request) {
        const messages = await Promise.all(request.messages.map(ollamaMessage));
        if (request.systemInstruction !== undefined) {
          messages.unshift({ role: 'system', content: request.systemInstruction, images: [] });
        }
        const timeout = AbortSignal.timeout(request.timeoutMs ?? context.timeoutMs);
        const signal = request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
        const response = await fetch(`${host}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            model: context.model,
            messages,
            stream: false,
            format: request.responseJsonSchema,
            options: {
              seed: context.seed,
              temperature: context.temperature,
              num_predict: context.maxOutputTokens,
            },
          }),
          signal,
        }).catch((error) => {
          if (request.signal?.aborted) throw new Tp2dgError('ABORTED', 'ollama: the call was aborted');
          const code = timeout.aborted ? 'MODEL_TIMEOUT' : 'MODEL_API';
          const message = `ollama: ${timeout.aborted ? 'no answer in time from' : 'cannot reach'} ${host}`;
          throw new ModelCallError(message, { code, status: null, retryable: true, cause: error });
        });
        if (!response.ok) throw failure(response.status, await response.text());
        const reply = await response.json();
        return {
          text: reply.message?.content ?? '',
          // Ollama counts the prompt as one figure: it is billed as text.
          usage: { ...ZERO_USAGE, text_input: reply.prompt_eval_count ?? 0, output: reply.eval_count ?? 0 },
          finishReason: reply.done_reason === 'length' ? 'length' : 'stop',
        };
      },
    };
    return {
      specificationVersion: 'v1',
      provider: 'ollama',
      modelId: context.model,
      capabilities,
      // Nothing is held per conversation: one port serves them all.
      forSession: () => port,
    };
  },
};
export default plugin;
