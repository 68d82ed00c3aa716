import { type PluginKind, resolvePluginModule } from '@tp2dg/plugin-resolution';
import { createLoaderRegistry, type LoaderRegistry } from '../registry/loader-registry.js';
import type { DataLoaderPluginV1 } from '../spec/v1/index.js';
import { describePluginProblem } from './plugin-shape.js';

export interface ResolveDataLoaderOptions {
  /** Where names are looked up first; a fresh registry with the built-in loader when absent. */
  registry?: LoaderRegistry;
  /** Packages resolve from here, as the user's project sees them; `process.cwd()` when absent. */
  cwd?: string;
  /**
   * More directories packages resolve from, after `cwd`: the CLI passes its own, so plugins
   * installed beside a global or project-installed CLI (its siblings in `node_modules`) and
   * the CLI's own dependencies (the first-party loaders) are found wherever it runs.
   */
  searchFrom?: readonly string[];
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
