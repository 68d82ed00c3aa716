export {
  BATCH_INLINE_LIMIT_BYTES,
  DEFAULT_BATCH_MAX_REQUESTS,
  DEFAULT_BATCH_POLL_MS,
  DEFAULT_BATCH_SETTLE_MS,
  type GeminiBatchEvent,
  type GeminiBatchOptions,
  MAX_BATCH_POLL_MS,
} from './batch/batch-options.js';
export { CACHE_DISPLAY_NAME_PREFIX } from './context-cache/cache-service.js';
export { CACHE_LEASE_MS, cacheTtlSeconds } from './context-cache/cache-ttl.js';
export { createGeminiAdapter } from './create-gemini-adapter.js';
export { GEMINI_PROVIDER, type GeminiAdapter } from './gemini-adapter.js';
export type { GeminiAdapterOptions, GeminiRetryEvent } from './gemini-adapter-options.js';
export { GeminiApiError, type GeminiApiErrorOptions } from './gemini-api-error.js';
export { autoConcurrency, DEFAULT_CONCURRENCY, type RateLimits } from './quota/auto-concurrency.js';
export { heardDurationReader, MediaDurations } from './quota/media-durations.js';
export type { QuotaStatus } from './quota/quota-types.js';
export {
  DEFAULT_FLEX_MAX_ATTEMPTS,
  DEFAULT_FLEX_TIMEOUT_MS,
  isShed,
  ServiceTierPlan,
} from './service-tier-plan.js';
export { createUsageEstimator, type UsageEstimator } from './usage-estimate/usage-estimator.js';
