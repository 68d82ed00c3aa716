import type { StandardSchemaV1 } from '@standard-schema/spec';
import { parsePluginOptions } from '@tp2dg/plugin-resolution';

/**
 * Validates a loader's own options (`DataLoaderOptionsV1.sourceOptions`) against its schema
 * (zod or any Standard Schema) and returns the parsed value. On failure throws one
 * INVALID_ARGUMENT line naming the loader, the option, the value given and where to fix it.
 */
export function parseLoaderOptions<Schema extends StandardSchemaV1>(
  loaderName: string,
  schema: Schema,
  options: unknown,
): Promise<StandardSchemaV1.InferOutput<Schema>> {
  return parsePluginOptions(`Data loader "${loaderName}"`, schema, options, {
    pairFlag: '--source-option',
    configFlag: '--source-config',
  });
}
