import type { GoogleGenAI } from '@google/genai';
import { ModelCallError } from '@tp2dg/entities';
import { type RetrySettings, runWithRetries } from './run-with-retries.js';

/** Refusals that would fail every later call too: the lookup stops the caller on them. */
const FATAL_CODES = new Set(['MODEL_NOT_FOUND', 'MODEL_AUTH']);

/**
 * Looks the model up once (`models.get`, which costs nothing), before the first upload: a model
 * the service does not serve (a retired one answers 404) would fail every call, after every file
 * was uploaded for nothing. A refused key is reported here too. Any other failure of the lookup
 * is left to the calls, which retry it and record it with themselves.
 */
export function createModelLookup(
  client: GoogleGenAI,
  model: string,
  settings: RetrySettings,
): () => Promise<void> {
  let lookup: Promise<void> | undefined;
  return () => {
    lookup ??= runWithRetries(
      (signal) => client.models.get({ model, config: { abortSignal: signal } }),
      { operation: 'lookup', description: `Gemini models.get (${model})` },
      settings,
    ).then(
      () => undefined,
      (error: unknown) => {
        if (ModelCallError.isInstance(error) && FATAL_CODES.has(error.code)) throw error;
      },
    );
    return lookup;
  };
}
