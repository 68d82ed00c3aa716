import type { StandardSchemaV1 } from '@standard-schema/spec';
import { Tp2dgError } from '@tp2dg/entities';
import type { PluginOptionFlags } from './read-plugin-options.js';

function optionName(issue: StandardSchemaV1.Issue): string | undefined {
  const segments = (issue.path ?? []).map((segment) =>
    typeof segment === 'object' ? String(segment.key) : String(segment),
  );
  return segments.length === 0 ? undefined : segments.join('.');
}

function valueAt(options: unknown, name: string | undefined): unknown {
  let value = options;
  for (const segment of name?.split('.') ?? []) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return name === undefined ? undefined : value;
}

/**
 * Validates a plugin's own options against its schema (zod or any Standard Schema) and returns
 * the parsed value. On failure throws one INVALID_ARGUMENT line naming the plugin (`label`, e.g.
 * `Data loader "mpd"`), the option, the value given and the flags that fix it.
 */
export async function parsePluginOptions<Schema extends StandardSchemaV1>(
  label: string,
  schema: Schema,
  options: unknown,
  flags: Pick<PluginOptionFlags, 'pairFlag' | 'configFlag'>,
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
      ? `Fix the ${flags.pairFlag} flags or the ${flags.configFlag} file.`
      : `Fix ${flags.pairFlag} ${name}=VALUE or "${name}" in the ${flags.configFlag} file.`;
  throw new Tp2dgError(
    'INVALID_ARGUMENT',
    `${label}: ${what}${(issue?.message ?? 'invalid options').split('\n')[0]}${got}${more}. ${fix}`,
  );
}
