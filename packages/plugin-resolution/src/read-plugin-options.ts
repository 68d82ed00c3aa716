import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';

/** Where a plugin's options come from on the command line. */
export interface PluginOptionSources {
  /** `key=value` pairs, repeatable; a later pair wins. */
  pairs?: readonly string[] | undefined;
  /** A JSON file holding one object of options, relative to `cwd`. */
  configFile?: string | undefined;
}

export interface PluginOptionFlags {
  /** The flags as the user typed them, for messages: `--source-option`, `--source-config`. */
  pairFlag: string;
  configFlag: string;
  /**
   * `string`: values stay strings, for the plugin's schema to coerce. `json`: a value is taken as
   * JSON when it parses (`3`, `true`, `{"a":1}`), else as the string typed, and a dotted key
   * (`batch.settleMs=500`) sets a nested option.
   */
  values: 'string' | 'json';
}

type Options = Record<string, unknown>;

async function readConfigFile(filePath: string, flag: string): Promise<Options> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `${flag} ${filePath}: cannot read it (${(error as Error).message}).`,
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
      `${flag} ${filePath}: not valid JSON (${(error as Error).message.split('\n')[0]}). Write one JSON object of options.`,
      { cause: error },
    );
  }
  if (!isObject(value)) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `${flag} ${filePath}: expected a JSON object like {"dir": "..."}.`,
    );
  }
  return value;
}

function isObject(value: unknown): value is Options {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sets `value` at the dotted `key` of `options`, making (or copying) the objects on its way. */
function setDotted(options: Options, key: string, value: unknown): void {
  const segments = key.split('.');
  let target = options;
  for (const segment of segments.slice(0, -1)) {
    const next = target[segment];
    target[segment] = isObject(next) ? { ...next } : {};
    target = target[segment] as Options;
  }
  target[segments.at(-1) as string] = value;
}

/**
 * A plugin's options: the config file first, then each `key=value` pair on top (a later one
 * wins), so a shared config can be adjusted on the command line. Each problem is one
 * INVALID_ARGUMENT line naming the flag, the file or the pair, and the fix.
 */
export async function readPluginOptions(
  sources: PluginOptionSources,
  cwd: string,
  flags: PluginOptionFlags,
): Promise<Options> {
  const options =
    sources.configFile === undefined
      ? {}
      : await readConfigFile(resolve(cwd, sources.configFile), flags.configFlag);
  for (const pair of sources.pairs ?? []) {
    const separator = pair.indexOf('=');
    const key = pair.slice(0, separator).trim();
    if (separator <= 0 || key === '' || (flags.values === 'json' && key.split('.').includes(''))) {
      throw new Tp2dgError(
        'INVALID_ARGUMENT',
        `${flags.pairFlag} ${JSON.stringify(pair)} is not key=value; write it as ${flags.pairFlag} name=value.`,
      );
    }
    const text = pair.slice(separator + 1);
    if (flags.values === 'json') setDotted(options, key, jsonOrText(text));
    else options[key] = text;
  }
  return options;
}
