import { isDeepStrictEqual } from 'node:util';
import { Tp2dgError } from '@tp2dg/entities';
import { parseProviderOptions } from './options/provider-options.js';
import { assertModelProvider } from './resolution/provider-shape.js';
import type { ModelProviderContextV1, ModelProviderPluginV1, ModelProviderV1 } from './spec/v1/index.js';

/**
 * Checks `options` against the plugin's schema, creates the provider and checks what came back
 * (shape, capabilities, and that they agree with those the plugin declares), so a broken plugin
 * fails the command before any session starts.
 */
export async function createModelProvider<Options>(
  plugin: ModelProviderPluginV1<Options>,
  options: Readonly<Record<string, unknown>>,
  context: ModelProviderContextV1,
): Promise<ModelProviderV1> {
  const parsed = await parseProviderOptions(plugin, options);
  const provider: unknown = await plugin.create(parsed, context);
  assertModelProvider(provider, plugin.name);
  for (const [name, declared] of Object.entries(plugin.capabilities ?? {})) {
    const created = provider.capabilities[name as keyof typeof provider.capabilities];
    if (!isDeepStrictEqual(created, declared)) {
      throw new Tp2dgError(
        'PROVIDER_INVALID',
        `Model provider "${plugin.name}" declares capabilities.${name} ${JSON.stringify(declared)} but created a provider with ${JSON.stringify(created)}: make them agree.`,
      );
    }
  }
  return provider;
}
