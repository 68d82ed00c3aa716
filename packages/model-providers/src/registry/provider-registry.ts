import { Tp2dgError } from '@tp2dg/entities';
import { assertModelProviderPlugin } from '../resolution/provider-shape.js';
import { simulatedModelProvider } from '../simulated/simulated-provider.js';
import type { ModelProviderPluginV1 } from '../spec/v1/index.js';

/** Loads a plugin when its name is first asked for, so a provider's SDK loads only for its runs. */
export type ProviderLoader = () => Promise<unknown>;

/** Model provider plugins known by name, so `--provider NAME` needs no package lookup. */
export interface ProviderRegistry {
  /**
   * Adds a plugin, or a loader of one under `name`; throws PROVIDER_INVALID on a bad shape and
   * INVALID_ARGUMENT on a taken name.
   */
  register(plugin: ModelProviderPluginV1): void;
  register(name: string, load: ProviderLoader): void;
  /** The plugin of `name`, loaded (and its shape checked) on first use; undefined when unknown. */
  get(name: string): Promise<ModelProviderPluginV1 | undefined>;
  /** Registered names in registration order. */
  names(): string[];
}

/**
 * A registry pre-filled with the built-in `simulated` provider. Each call returns a fresh
 * registry: there is no global one, so tests and embedders never see each other's plugins.
 */
export function createProviderRegistry(): ProviderRegistry {
  const loaders = new Map<string, () => Promise<ModelProviderPluginV1>>();
  function add(name: string, load: () => Promise<ModelProviderPluginV1>): void {
    if (loaders.has(name)) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `A model provider named "${name}" is already registered; give the plugin another name.`,
      );
    }
    loaders.set(name, load);
  }
  const registry: ProviderRegistry = {
    register(pluginOrName: ModelProviderPluginV1 | string, load?: ProviderLoader) {
      if (typeof pluginOrName !== 'string') {
        assertModelProviderPlugin(pluginOrName, 'The registered value');
        add(pluginOrName.name, () => Promise.resolve(pluginOrName));
        return;
      }
      const name = pluginOrName;
      let loaded: Promise<ModelProviderPluginV1> | undefined;
      add(name, () => {
        loaded ??= (load as ProviderLoader)().then((plugin) => {
          assertModelProviderPlugin(plugin, `The provider registered as "${name}"`);
          return plugin;
        });
        return loaded;
      });
    },
    get: async (name) => loaders.get(name)?.(),
    names: () => [...loaders.keys()],
  };
  registry.register(simulatedModelProvider);
  return registry;
}
