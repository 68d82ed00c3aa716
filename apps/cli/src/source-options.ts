import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type DataLoaderPluginV1, parseLoaderOptions } from '@tp2dg/data-loaders';
import { Tp2dgError } from '@tp2dg/entities';

export interface SourceOptionArguments {
  /** `--source-option key=value`, repeatable; values stay strings for the plugin's schema to coerce. */
  sourceOption?: readonly string[];
  /** `--source-config FILE`: a JSON object of options. */
  sourceConfig?: string;
}

async function readConfigFile(filePath: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--source-config ${filePath}: cannot read it (${(error as Error).message}).`,
      {
        cause: error,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--source-config ${filePath}: not valid JSON (${(error as Error).message.split('\n')[0]}). Write one JSON object of options.`,
      { cause: error },
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `--source-config ${filePath}: expected a JSON object like {"dir": "..."}.`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * The loader's options: the config file first, then each `--source-option key=value` on top
 * (a later one wins), so a shared config can be adjusted on the command line.
 */
export async function readSourceOptions(
  args: SourceOptionArguments,
  cwd: string,
): Promise<Record<string, unknown>> {
  const options =
    args.sourceConfig === undefined ? {} : await readConfigFile(resolve(cwd, args.sourceConfig));
  for (const pair of args.sourceOption ?? []) {
    const separator = pair.indexOf('=');
    if (separator <= 0) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `--source-option ${JSON.stringify(pair)} is not key=value; write it as --source-option name=value.`,
      );
    }
    options[pair.slice(0, separator).trim()] = pair.slice(separator + 1);
  }
  return options;
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
