import { type DataLoaderPluginV1, parseLoaderOptions } from '@tp2dg/data-loaders';
import { readPluginOptions } from '@tp2dg/plugin-resolution';

export interface SourceOptionArguments {
  /** `--source-option key=value`, repeatable; values stay strings for the plugin's schema to coerce. */
  sourceOption?: readonly string[];
  /** `--source-config FILE`: a JSON object of options. */
  sourceConfig?: string;
}

/**
 * The loader's options: the config file first, then each `--source-option key=value` on top
 * (a later one wins), so a shared config can be adjusted on the command line.
 */
export function readSourceOptions(
  args: SourceOptionArguments,
  cwd: string,
): Promise<Record<string, unknown>> {
  return readPluginOptions({ pairs: args.sourceOption, configFile: args.sourceConfig }, cwd, {
    pairFlag: '--source-option',
    configFlag: '--source-config',
    values: 'string',
  });
}

/**
 * Checks the options against the schema the plugin declares, before anything else runs, so a
 * typo fails at once with the loader's and the option's names. A plugin without a schema
 * checks its options itself when it is created.
 */
export async function checkSourceOptions(
  plugin: DataLoaderPluginV1,
  options: Record<string, unknown>,
): Promise<void> {
  if (plugin.optionsSchema !== undefined)
    await parseLoaderOptions(plugin.name, plugin.optionsSchema, options);
}
