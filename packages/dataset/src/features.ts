import type { SchemaElement } from 'hyparquet-writer';
import { z } from 'zod';

/**
 * The type of one column or field, in the terms a Hugging Face card and Arrow share. Every
 * field may be null, as in Arrow and in the published dataset: a corpus that does not know a
 * user's age leaves it null rather than inventing it.
 */
export type Feature =
  | { readonly kind: 'string' }
  | { readonly kind: 'int64' }
  | { readonly kind: 'float64' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'struct'; readonly fields: Features }
  | { readonly kind: 'list'; readonly item: Feature };

/** The columns of one config, in order: the order they are written and described in. */
export type Features = Readonly<Record<string, Feature>>;

export const string: Feature = { kind: 'string' };
export const int64: Feature = { kind: 'int64' };
export const float64: Feature = { kind: 'float64' };
export const bool: Feature = { kind: 'bool' };
export const struct = (fields: Features): Feature => ({ kind: 'struct', fields });
export const list = (item: Feature): Feature => ({ kind: 'list', item });

/** The zod schema a row must pass before it is written: a bug shows as an error, not a bad file. */
export function zodOf(feature: Feature): z.ZodType {
  switch (feature.kind) {
    case 'string':
      return z.string().nullable();
    case 'int64':
      return z.number().int().nullable();
    case 'float64':
      return z.number().nullable();
    case 'bool':
      return z.boolean().nullable();
    case 'struct':
      return zodOfRow(feature.fields).nullable();
    case 'list':
      return z.array(zodOf(feature.item)).nullable();
  }
}

/** A row of a config: exactly these keys, none more (`strict`: an extra field is a bug). */
export function zodOfRow(features: Features): z.ZodObject {
  return z.strictObject(Object.fromEntries(Object.entries(features).map(([name, f]) => [name, zodOf(f)])));
}

/** `features` of the card's `dataset_info`, in the `datasets` library's YAML form. */
export function huggingFaceFeatures(features: Features): unknown[] {
  return Object.entries(features).map(([name, feature]) => ({ name, ...huggingFaceType(feature) }));
}

const DTYPES = { string: 'string', int64: 'int64', float64: 'float64', bool: 'bool' } as const;

function huggingFaceType(feature: Feature): Record<string, unknown> {
  switch (feature.kind) {
    case 'struct':
      return { struct: huggingFaceFeatures(feature.fields) };
    case 'list':
      return {
        list:
          feature.item.kind === 'struct'
            ? huggingFaceFeatures(feature.item.fields)
            : listItemType(feature.item),
      };
    default:
      return { dtype: DTYPES[feature.kind] };
  }
}

/** A list of a plain type is written `list: string`; of a list, nested the same way. */
function listItemType(feature: Feature): unknown {
  return feature.kind === 'list'
    ? { list: listItemType(feature.item) }
    : DTYPES[feature.kind as keyof typeof DTYPES];
}

/**
 * The Parquet schema, flattened depth first as the file footer holds it: optional fields,
 * lists in the standard three-level form (`<name>.list.element`) that Arrow, DuckDB and the
 * `datasets` library read as lists.
 */
export function parquetSchema(features: Features): SchemaElement[] {
  const entries = Object.entries(features);
  return [
    { name: 'root', num_children: entries.length },
    ...entries.flatMap(([name, f]) => parquetElements(name, f)),
  ];
}

function parquetElements(name: string, feature: Feature): SchemaElement[] {
  const repetition_type = 'OPTIONAL';
  switch (feature.kind) {
    case 'string':
      return [{ name, repetition_type, type: 'BYTE_ARRAY', converted_type: 'UTF8' }];
    case 'int64':
      return [{ name, repetition_type, type: 'INT64' }];
    case 'float64':
      return [{ name, repetition_type, type: 'DOUBLE' }];
    case 'bool':
      return [{ name, repetition_type, type: 'BOOLEAN' }];
    case 'struct': {
      const fields = Object.entries(feature.fields);
      return [
        { name, repetition_type, num_children: fields.length },
        ...fields.flatMap(([child, f]) => parquetElements(child, f)),
      ];
    }
    case 'list':
      return [
        { name, repetition_type, converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        ...parquetElements('element', feature.item),
      ];
  }
}

/** A value as the Parquet writer takes it: int64 as bigint (its only 64-bit type), null kept. */
export function parquetValue(feature: Feature, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (feature.kind) {
    case 'int64':
      return BigInt(value as number);
    case 'struct':
      return Object.fromEntries(
        Object.entries(feature.fields).map(([name, f]) => [
          name,
          parquetValue(f, (value as Record<string, unknown>)[name]),
        ]),
      );
    case 'list':
      return (value as unknown[]).map((item) => parquetValue(feature.item, item));
    default:
      return value;
  }
}
