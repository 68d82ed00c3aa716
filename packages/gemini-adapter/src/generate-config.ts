import type { GenerateContentConfig } from '@google/genai';
import type { ModelRequest, ServiceTier } from '@tp2dg/entities';
import type { GeminiAdapterOptions } from './gemini-adapter-options.js';

/** The generation settings of an adapter, sent on every call. */
export type GenerationSettings = Pick<
  GeminiAdapterOptions,
  'temperature' | 'thinkingBudget' | 'maxOutputTokens' | 'seed'
>;

/** What a call asks of the model, the same sent alone or in a batch. */
export function requestConfig(
  request: ModelRequest,
  settings: GenerationSettings,
): GenerateContentConfig & { systemInstruction?: string } {
  return {
    ...(request.systemInstruction === undefined ? {} : { systemInstruction: request.systemInstruction }),
    ...(request.responseJsonSchema === undefined
      ? {}
      : { responseMimeType: 'application/json', responseJsonSchema: request.responseJsonSchema }),
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.thinkingBudget === undefined
      ? {}
      : { thinkingConfig: { thinkingBudget: settings.thinkingBudget } }),
    ...(settings.maxOutputTokens === undefined ? {} : { maxOutputTokens: settings.maxOutputTokens }),
    // Each later attempt of a call (a re-ask, a resend after an empty reply) gets its own
    // seed: with the same one the model would likely give the same unusable answer.
    ...(settings.seed === undefined ? {} : { seed: settings.seed + request.label.attempt - 1 }),
  };
}

/**
 * The config of one generateContent attempt sent alone. With `cachedContent` the system
 * instruction is not sent: the cache holds it, and Gemini refuses a request that has both.
 */
export function generateConfig(
  request: ModelRequest,
  settings: GenerationSettings,
  abortSignal: AbortSignal,
  serviceTier: ServiceTier,
  cachedContent: string | undefined,
): GenerateContentConfig {
  const { systemInstruction, ...asked } = requestConfig(request, settings);
  return {
    ...asked,
    abortSignal,
    // Always sent, standard included, so the wire says which tier each call asked for.
    serviceTier: serviceTier as GenerateContentConfig['serviceTier'],
    ...(cachedContent !== undefined
      ? { cachedContent }
      : systemInstruction === undefined
        ? {}
        : { systemInstruction }),
  };
}
