export { createGeminiAdapter, type GeminiAdapter } from './create-gemini-adapter.js';
export type { GeminiAdapterOptions, GeminiRetryEvent } from './gemini-adapter-options.js';
export { GeminiApiError, type GeminiApiErrorOptions } from './gemini-api-error.js';
export { heardDurationReader, MediaDurations } from './quota/media-durations.js';
export type { QuotaStatus } from './quota/quota-types.js';
export { createUsageEstimator, type UsageEstimator } from './usage-estimate/usage-estimator.js';
