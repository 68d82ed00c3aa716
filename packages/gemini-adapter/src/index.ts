export type { QuotaStatus } from '@tp2dg/call-quota';
export { CACHE_DISPLAY_NAME_PREFIX } from './context-cache/cache-service.js';
export { createGeminiAdapter } from './create-gemini-adapter.js';
export type { GeminiAdapter } from './gemini-adapter.js';
export type { GeminiAdapterOptions, GeminiRetryEvent } from './gemini-adapter-options.js';
export {
  type GeminiProviderOptions,
  GeminiProviderOptionsSchema,
  geminiProvider as default,
  geminiProvider as modelProvider,
} from './model-provider.js';
export * from './planning.js';
export { isShed, ServiceTierPlan } from './service-tier-plan.js';
