export { autoConcurrency, DEFAULT_CONCURRENCY, type RateLimits } from './auto-concurrency.js';
export {
  type CallPermit,
  type CallQuota,
  type CallQuotaOptions,
  createCallQuota,
  type QuotaFailure,
} from './call-quota.js';
export { cancellableSleep } from './cancellable-sleep.js';
export {
  type AudioSeconds,
  estimateInputTokens,
  estimatePartsTokens,
  promptEntries,
} from './estimate-input-tokens.js';
export type { QuotaStatus } from './quota-types.js';
