import {
  type PluginKind,
  type ResolvePluginModuleOptions,
  resolvePluginModule,
} from '@tp2dg/plugin-resolution';
import { createProviderRegistry, type ProviderRegistry } from '../registry/provider-registry.js';
import type { ModelProviderPluginV1 } from '../spec/v1/index.js';
import { describeProviderPluginProblem } from './provider-shape.js';

/** Where packages resolve from (`cwd`, then `searchFrom`: the CLI's own, for its first-party providers). */
export interface ResolveModelProviderOptions extends Omit<ResolvePluginModuleOptions, 'registeredNames'> {
  /** Where names are looked up first; a fresh registry with the built-in `simulated` when absent. */
  registry?: ProviderRegistry;
}

const modelProviderKind: PluginKind = {
  noun: 'model provider',
  prefixes: ['@tp2dg/provider-', 'tp2dg-provider-'],
  exportNames: ['default', 'modelProvider'],
  expected: "a ModelProviderPluginV1 { specificationVersion: 'v1', name, optionsSchema, create }",
  notFoundCode: 'PROVIDER_NOT_FOUND',
  invalidCode: 'PROVIDER_INVALID',
  describeProblem: describeProviderPluginProblem,
};

/**
 * Finds the plugin `source` names: a registered name, an installed package
 * (`@tp2dg/provider-<source>`, `tp2dg-provider-<source>`, `<source>`) or a module file that
 * exports it as `default` or `modelProvider`. Throws PROVIDER_INVALID when the module found is
 * not a v1 plugin, PROVIDER_NOT_FOUND when nothing is found (the message lists every candidate).
 */
export async function resolveModelProvider(
  source: string,
  options: ResolveModelProviderOptions = {},
): Promise<ModelProviderPluginV1> {
  const registry = options.registry ?? createProviderRegistry();
  const registered = await registry.get(source);
  if (registered !== undefined) return registered;
  return resolvePluginModule<ModelProviderPluginV1>(source, modelProviderKind, {
    ...options,
    registeredNames: registry.names(),
  });
}
