import {
  type PluginKind,
  type ResolvePluginModuleOptions,
  resolvePluginModule,
} from '@tp2dg/plugin-resolution';
import { createLoaderRegistry, type LoaderRegistry } from '../registry/loader-registry.js';
import type { DataLoaderPluginV1 } from '../spec/v1/index.js';
import { describePluginProblem } from './plugin-shape.js';

/** Where packages resolve from (`cwd`, then `searchFrom`: the CLI's own, for its first-party loaders). */
export interface ResolveDataLoaderOptions extends Omit<ResolvePluginModuleOptions, 'registeredNames'> {
  /** Where names are looked up first; a fresh registry with the built-in loader when absent. */
  registry?: LoaderRegistry;
}

const dataLoaderKind: PluginKind = {
  noun: 'data loader',
  prefixes: ['@tp2dg/data-loader-', 'tp2dg-data-loader-'],
  exportNames: ['default', 'dataLoader'],
  expected: "a DataLoaderPluginV1 { specificationVersion: 'v1', name, create }",
  notFoundCode: 'LOADER_NOT_FOUND',
  invalidCode: 'LOADER_INVALID',
  describeProblem: describePluginProblem,
};

/**
 * Finds the plugin `source` names: a registered name, an installed package
 * (`@tp2dg/data-loader-<source>`, `tp2dg-data-loader-<source>`, `<source>`) or a module file.
 * Throws LOADER_INVALID when the module found is not a v1 plugin, LOADER_NOT_FOUND when
 * nothing is found (the message lists every candidate tried).
 */
export async function resolveDataLoader(
  source: string,
  options: ResolveDataLoaderOptions = {},
): Promise<DataLoaderPluginV1> {
  const registry = options.registry ?? createLoaderRegistry();
  const registered = registry.get(source);
  if (registered !== undefined) return registered;
  return resolvePluginModule<DataLoaderPluginV1>(source, dataLoaderKind, {
    ...options,
    registeredNames: registry.names(),
  });
}
