import { Tp2dgError } from '@tp2dg/entities';
import { referenceDataLoader } from '../reference/reference-plugin.js';
import { assertDataLoaderPlugin } from '../resolution/plugin-shape.js';
import type { DataLoaderPluginV1 } from '../spec/v1/index.js';

/** Loader plugins known by name, so `--source NAME` needs no package lookup. */
export interface LoaderRegistry {
  /** Adds a plugin; throws LOADER_INVALID on a bad shape and INVALID_ARGUMENT on a taken name. */
  register(plugin: DataLoaderPluginV1): void;
  get(name: string): DataLoaderPluginV1 | undefined;
  /** Registered names in registration order. */
  names(): string[];
}

/**
 * A registry pre-filled with the built-in `reference` loader. Each call returns a fresh
 * registry: there is no global one, so tests and embedders never see each other's plugins.
 */
export function createLoaderRegistry(): LoaderRegistry {
  const plugins = new Map<string, DataLoaderPluginV1>();
  const registry: LoaderRegistry = {
    register(plugin) {
      assertDataLoaderPlugin(plugin, 'The registered value');
      if (plugins.has(plugin.name)) {
        throw new Tp2dgError(
          'INVALID_ARGUMENT',
          `A data loader named "${plugin.name}" is already registered; give the plugin another name.`,
        );
      }
      plugins.set(plugin.name, plugin);
    },
    get: (name) => plugins.get(name),
    names: () => [...plugins.keys()],
  };
  registry.register(referenceDataLoader);
  return registry;
}
