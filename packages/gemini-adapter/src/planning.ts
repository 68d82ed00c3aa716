/**
 * Gemini's defaults, limits and estimates, without the SDK: what a command needs to plan a run
 * (its arguments, concurrency, dry-run projection) before it knows it will call Gemini. The SDK
 * and its HTTP stack take a third of a CLI's start, so a simulated run or `--help` should not
 * load them: import this entry, and the package's main entry only to call Gemini.
 */
export {
  BATCH_INLINE_LIMIT_BYTES,
  DEFAULT_BATCH_MAX_REQUESTS,
  DEFAULT_BATCH_POLL_MS,
  DEFAULT_BATCH_SETTLE_MS,
  type GeminiBatchEvent,
  type GeminiBatchOptions,
  MAX_BATCH_POLL_MS,
} from './batch/batch-options.js';
export { CACHE_LEASE_MS, cacheTtlSeconds } from './context-cache/cache-ttl.js';
export { GEMINI_PROVIDER } from './gemini-adapter.js';
export { GEMINI_MEDIA_TYPES } from './prices/gemini-media-types.js';
export {
  GEMINI_PRICE_TABLE,
  GEMINI_PRICES,
  modelFactsOf,
  UNLISTED_GEMINI_MODEL_FACTS,
} from './prices/gemini-prices.js';
export { heardDurationReader, MediaDurations } from './quota/media-durations.js';
export { DEFAULT_FLEX_MAX_ATTEMPTS, DEFAULT_FLEX_TIMEOUT_MS } from './service-tier-plan.js';
export { createUsageEstimator, type UsageEstimator } from './usage-estimate/usage-estimator.js';
