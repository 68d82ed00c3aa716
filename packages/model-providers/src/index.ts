export { createModelProvider } from './create-model-provider.js';
export { parseProviderOptions, readProviderOptions } from './options/provider-options.js';
export {
  createProviderRegistry,
  type ProviderLoader,
  type ProviderRegistry,
} from './registry/provider-registry.js';
export { assertModelProviderPlugin } from './resolution/provider-shape.js';
export {
  type ResolveModelProviderOptions,
  resolveModelProvider,
} from './resolution/resolve-model-provider.js';
export { simulatedModelProvider } from './simulated/simulated-provider.js';
export * from './spec/v1/index.js';
