export { createReferenceDataLoader, referenceDataLoader } from './reference/reference-plugin.js';
export { createLoaderRegistry, type LoaderRegistry } from './registry/loader-registry.js';
export { assertDataLoaderPlugin } from './resolution/plugin-shape.js';
export { type ResolveDataLoaderOptions, resolveDataLoader } from './resolution/resolve-data-loader.js';
export * from './session-building/index.js';
export type * from './spec/v1/index.js';
