export { createGeminiModel } from './create-gemini-model.js';
export { GeminiApiError, type GeminiApiErrorOptions } from './gemini-api-error.js';
export type { GeminiModelOptions, GeminiRetryEvent } from './gemini-model-options.js';
