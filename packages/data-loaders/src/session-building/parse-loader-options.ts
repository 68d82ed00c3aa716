import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Tp2dgError } from '@tp2dg/entities';

function optionName(issue: StandardSchemaV1.Issue): string | undefined {
  const segments = (issue.path ?? []).map((segment) =>
    typeof segment === 'object' ? String(segment.key) : String(segment),
  );
  return segments.length === 0 ? undefined : segments.join('.');
}

function valueAt(options: unknown, name: string | undefined): unknown {
  if (name === undefined || typeof options !== 'object' || options === null) return undefined;
  return (options as Record<string, unknown>)[name.split('.')[0] as string];
}

/**
 * Validates a loader's own options (`DataLoaderOptionsV1.sourceOptions`) against its schema
 * (zod or any Standard Schema) and returns the parsed value. On failure throws one
 * INVALID_ARGUMENT line naming the loader, the option, the value given and where to fix it.
 */
export async function parseLoaderOptions<Schema extends StandardSchemaV1>(
  loaderName: string,
  schema: Schema,
  options: unknown,
): Promise<StandardSchemaV1.InferOutput<Schema>> {
  const result = await schema['~standard'].validate(options ?? {});
  if (result.issues === undefined) return result.value;
  const [issue, ...others] = result.issues;
  const name = issue === undefined ? undefined : optionName(issue);
  const given = valueAt(options, name);
  const what = name === undefined ? '' : `option "${name}": `;
  const got = given === undefined ? '' : ` (got ${JSON.stringify(given)})`;
  const more = others.length > 0 ? ` (${others.length} more problem(s))` : '';
  const fix =
    name === undefined
      ? 'Fix the --source-option flags or the --source-config file.'
      : `Fix --source-option ${name}=VALUE or "${name}" in the --source-config file.`;
  throw new Tp2dgError(
    'INVALID_ARGUMENT',
    `Data loader "${loaderName}": ${what}${(issue?.message ?? 'invalid options').split('\n')[0]}${got}${more}. ${fix}`,
  );
}
