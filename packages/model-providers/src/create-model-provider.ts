import { parseProviderOptions } from './options/provider-options.js';
import { assertModelProvider } from './resolution/provider-shape.js';
import type { ModelProviderContextV1, ModelProviderPluginV1, ModelProviderV1 } from './spec/v1/index.js';

/**
 * Checks `options` against the plugin's schema, creates the provider and checks what came back
 * (shape and capabilities), so a broken plugin fails the command before any session starts.
 */
export async function createModelProvider<Options>(
  plugin: ModelProviderPluginV1<Options>,
  options: Readonly<Record<string, unknown>>,
  context: ModelProviderContextV1,
): Promise<ModelProviderV1> {
  const parsed = await parseProviderOptions(plugin, options);
  const provider: unknown = await plugin.create(parsed, context);
  assertModelProvider(provider, plugin.name);
  return provider;
}
