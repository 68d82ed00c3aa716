import { Tp2dgError } from '@tp2dg/entities';
import type { z } from 'zod';
import { ModelCapabilitiesV1Schema } from '../spec/v1/model-capabilities.js';
import type { ModelProviderPluginV1, ModelProviderV1 } from '../spec/v1/model-provider.js';

const expectedPlugin =
  "spec v1 expects { specificationVersion: 'v1', name: string, optionsSchema, create(options, context) }";
const expectedProvider =
  "spec v1 expects { specificationVersion: 'v1', provider: string, modelId: string, capabilities, forSession(session) }";

function versionProblem(candidate: Record<string, unknown>, expected: string): string | undefined {
  const version = candidate.specificationVersion;
  if (version === 'v1') return undefined;
  if (version === undefined) return `it has no "specificationVersion"; ${expected}`;
  return `it declares specificationVersion ${JSON.stringify(version)}, but this tp2dg only supports "v1"; use a release of the provider built for spec v1`;
}

/** Where `capabilities` breaks the schema, as `"capabilities.<path>": <message>`; undefined when it does not. */
function capabilitiesProblem(schema: z.ZodType, capabilities: unknown): string | undefined {
  const parsed = schema.safeParse(capabilities);
  if (parsed.success) return undefined;
  const [issue] = parsed.error.issues;
  const where = issue?.path.length ? `capabilities.${issue.path.join('.')}` : 'capabilities';
  return `"${where}": ${issue?.message ?? 'invalid'} (see ModelCapabilitiesV1Schema)`;
}

function notAnObject(value: unknown): string | undefined {
  if (typeof value === 'object' && value !== null) return undefined;
  return `it is ${value === null ? 'null' : typeof value}, not an object`;
}

/** Why `value` is not a ModelProviderPluginV1, or undefined when it is one. */
export function describeProviderPluginProblem(value: unknown): string | undefined {
  const kind = notAnObject(value);
  if (kind !== undefined) return `${kind}; ${expectedPlugin}`;
  const candidate = value as Record<string, unknown>;
  const version = versionProblem(candidate, expectedPlugin);
  if (version !== undefined) return version;
  if (typeof candidate.name !== 'string' || candidate.name.length === 0) {
    return `"name" must be a non-empty string; ${expectedPlugin}`;
  }
  const schema = candidate.optionsSchema as Record<string, { validate?: unknown } | undefined> | undefined;
  if (typeof schema?.['~standard']?.validate !== 'function') {
    return '"optionsSchema" must be a zod schema or another Standard Schema (with ["~standard"].validate); z.object({}) when it takes no option';
  }
  if (typeof candidate.create !== 'function') return `"create" must be a function; ${expectedPlugin}`;
  if (candidate.capabilities === undefined) return undefined;
  return capabilitiesProblem(ModelCapabilitiesV1Schema.partial(), candidate.capabilities);
}

/** Why `value`, returned by a plugin's `create`, is not a ModelProviderV1, or undefined when it is one. */
export function describeProviderProblem(value: unknown): string | undefined {
  const kind = notAnObject(value);
  if (kind !== undefined) return `${kind}; ${expectedProvider}`;
  const candidate = value as Record<string, unknown>;
  const version = versionProblem(candidate, expectedProvider);
  if (version !== undefined) return version;
  for (const field of ['provider', 'modelId'] as const) {
    const text = candidate[field];
    if (typeof text !== 'string' || text.length === 0)
      return `"${field}" must be a non-empty string; ${expectedProvider}`;
  }
  if (typeof candidate.forSession !== 'function')
    return `"forSession" must be a function; ${expectedProvider}`;
  return capabilitiesProblem(ModelCapabilitiesV1Schema, candidate.capabilities);
}

/** Throws PROVIDER_INVALID naming `where` (an export of a module, a registration) and the problem. */
export function assertModelProviderPlugin(
  value: unknown,
  where: string,
): asserts value is ModelProviderPluginV1 {
  const problem = describeProviderPluginProblem(value);
  if (problem !== undefined) {
    throw new Tp2dgError('PROVIDER_INVALID', `${where} is not a model provider plugin: ${problem}.`);
  }
}

/** Throws PROVIDER_INVALID naming the plugin whose `create` returned something else than a provider. */
export function assertModelProvider(value: unknown, pluginName: string): asserts value is ModelProviderV1 {
  const problem = describeProviderProblem(value);
  if (problem !== undefined) {
    throw new Tp2dgError(
      'PROVIDER_INVALID',
      `Model provider "${pluginName}" created something that is not a model provider: ${problem}.`,
    );
  }
}
