import { Tp2dgError } from '@tp2dg/entities';
import type { DataLoaderPluginV1 } from '../spec/v1/index.js';

const expectedShape = "spec v1 expects { specificationVersion: 'v1', name: string, create(options) }";

/**
 * Why `value` is not a DataLoaderPluginV1, or undefined when it is one. A plugin built
 * for another spec version is named as such, so its author knows to upgrade, not rewrite.
 */
export function describePluginProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return `it is ${value === null ? 'null' : typeof value}, not an object; ${expectedShape}`;
  }
  const candidate = value as Record<string, unknown>;
  const version = candidate.specificationVersion;
  if (version !== 'v1') {
    if (version === undefined) return `it has no "specificationVersion"; ${expectedShape}`;
    return `it declares specificationVersion ${JSON.stringify(version)}, but this tp2dg only supports "v1"; use a release of the plugin built for spec v1`;
  }
  if (typeof candidate.name !== 'string' || candidate.name.length === 0) {
    return `"name" must be a non-empty string; ${expectedShape}`;
  }
  if (typeof candidate.create !== 'function') return `"create" must be a function; ${expectedShape}`;
  return describeOptionalProblem(candidate);
}

/** The optional capabilities, when present, must have their documented shape. */
function describeOptionalProblem(candidate: Record<string, unknown>): string | undefined {
  const schema = candidate.optionsSchema as Record<string, { validate?: unknown } | undefined> | undefined;
  if (schema !== undefined && typeof schema?.['~standard']?.validate !== 'function') {
    return '"optionsSchema" must be a zod schema or another Standard Schema (with ["~standard"].validate)';
  }
  const licence = candidate.licence as Record<string, unknown> | undefined;
  if (licence === undefined) return undefined;
  const valid =
    typeof licence === 'object' &&
    licence !== null &&
    typeof licence.name === 'string' &&
    typeof licence.summary === 'string' &&
    typeof licence.commercialUse === 'boolean' &&
    typeof licence.redistribution === 'boolean';
  return valid
    ? undefined
    : '"licence" must be { name: string, summary: string, commercialUse: boolean, redistribution: boolean, url?: string }';
}

/** Throws LOADER_INVALID naming `where` (an export of a module, a registration) and the problem. */
export function assertDataLoaderPlugin(value: unknown, where: string): asserts value is DataLoaderPluginV1 {
  const problem = describePluginProblem(value);
  if (problem !== undefined) {
    throw new Tp2dgError('LOADER_INVALID', `${where} is not a data loader plugin: ${problem}.`);
  }
}
