import { type PluginOptionSources, parsePluginOptions, readPluginOptions } from '@tp2dg/plugin-resolution';
import type { ModelProviderPluginV1 } from '../spec/v1/index.js';

const flags = { pairFlag: '--provider-option', configFlag: '--provider-config', values: 'json' } as const;

/**
 * A provider's options as the user gave them: the `--provider-config` JSON file first, then
 * each `--provider-option key=value` on top (a later one wins). A value is JSON when it parses
 * (`rpm=60`, `jsonSchema=true`), else the string typed; `batch.settleMs=500` sets a nested option.
 */
export function readProviderOptions(
  sources: PluginOptionSources,
  cwd: string,
): Promise<Record<string, unknown>> {
  return readPluginOptions(sources, cwd, flags);
}

/**
 * Checks `options` against the plugin's `optionsSchema` before anything runs and returns what
 * the schema made of them; a bad option is one INVALID_ARGUMENT line naming the provider, the
 * option and the flags that fix it.
 */
export function parseProviderOptions<Options>(
  plugin: ModelProviderPluginV1<Options>,
  options: Readonly<Record<string, unknown>>,
): Promise<Options> {
  return parsePluginOptions(`Model provider "${plugin.name}"`, plugin.optionsSchema, options, flags);
}
