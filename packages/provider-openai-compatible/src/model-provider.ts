import { createCallQuota } from '@tp2dg/call-quota';
import type { ModelCapabilitiesV1, ModelProviderPluginV1 } from '@tp2dg/model-providers';
import { z } from 'zod';
import { createOpenAiCompatibleModel, OPENAI_COMPATIBLE_PROVIDER } from './create-openai-compatible-model.js';

/** `--provider-option` / `--provider-config` of `--provider openai-compatible`. */
export const OpenAiCompatibleProviderOptionsSchema = z.strictObject({
  /** Ends before `/chat/completions`; `OPENAI_BASE_URL` when absent (`--base-url` sets it). */
  baseUrl: z.string().min(1).optional(),
  /** The server takes `response_format: json_schema` (`--response-format json` sets it). */
  jsonSchema: z.boolean().default(false),
  /** These four override the run's `--temperature`, `--max-output-tokens`, `--timeout`, `--max-attempts`. */
  temperature: z.number().min(0).optional(),
  maxOutputTokens: z.number().int().positive().optional(),
  timeoutMs: z.number().int().positive().optional(),
  maxAttempts: z.number().int().positive().optional(),
  /** Requests and input tokens per minute the server allows (`--rpm`, `--tpm` set them); none when absent. */
  rpm: z.number().int().positive().optional(),
  tpm: z.number().int().positive().optional(),
});
export type OpenAiCompatibleProviderOptions = z.infer<typeof OpenAiCompatibleProviderOptionsSchema>;

/** What every provider of the plugin has, whatever its options. */
const FIXED_CAPABILITIES = {
  // Images go as data URLs; `input_audio` takes WAV and MP3 only.
  media: [
    { mimeType: 'image/*', delivery: 'inline' },
    { mimeType: 'audio/wav', delivery: 'inline' },
    { mimeType: 'audio/x-wav', delivery: 'inline' },
    { mimeType: 'audio/mpeg', delivery: 'inline' },
    { mimeType: 'audio/mp3', delivery: 'inline' },
  ],
  systemInstructions: true,
  // Servers may cache prompt prefixes on their own; nothing is asked of them.
  caching: 'implicit',
  batch: false,
  // The built-in list prices are another provider's: a model here is priced only by a --prices file.
  prices: 'unpriced',
  freeAndDeterministic: false,
} satisfies Omit<ModelCapabilitiesV1, 'jsonSchemaReplies'>;

function capabilitiesOf(jsonSchema: boolean): ModelCapabilitiesV1 {
  return { ...FIXED_CAPABILITIES, jsonSchemaReplies: jsonSchema };
}

/**
 * The plugin of `--provider openai-compatible`: a chat-completions server (vLLM, SGLang, Ollama,
 * hosted APIs), key from `OPENAI_API_KEY`. A port per conversation, so each reads its media once;
 * one quota (`rpm`, `tpm`, the cap a 429 halves) for them all.
 */
export const openAiCompatibleProvider: ModelProviderPluginV1<OpenAiCompatibleProviderOptions> = {
  specificationVersion: 'v1',
  name: OPENAI_COMPATIBLE_PROVIDER,
  description: 'A server of the OpenAI chat-completions API (vLLM, SGLang, Ollama, hosted APIs).',
  optionsSchema: OpenAiCompatibleProviderOptionsSchema,
  capabilities: FIXED_CAPABILITIES,
  create(options, context) {
    const { rpm, tpm, ...modelOptions } = options;
    const settings = {
      model: context.model,
      env: { ...context.env },
      temperature: context.temperature,
      maxOutputTokens: context.maxOutputTokens,
      timeoutMs: context.timeoutMs,
      maxAttempts: context.maxAttempts,
      ...modelOptions,
      // One quota for the run: every session's port waits in the same windows.
      quota: createCallQuota({ rpm, tpm, now: Date.now }),
    };
    // Built once here so a missing or bad base URL stops the command before any session starts.
    createOpenAiCompatibleModel(settings);
    return {
      specificationVersion: 'v1',
      provider: OPENAI_COMPATIBLE_PROVIDER,
      modelId: context.model,
      capabilities: capabilitiesOf(modelOptions.jsonSchema),
      forSession: () => createOpenAiCompatibleModel(settings),
    };
  },
};
