import { readFile, stat } from 'node:fs/promises';
import type { z } from 'zod';
import { Tp2dgError } from './errors.js';
import { type ModelFacts, type PriceTable, PriceTableSchema } from './price-table-schema.js';
import { convertPriceTableV1, PriceTableV1Schema } from './price-table-v1.js';
import { isoDay, pricedModelId } from './pricing.js';

/** A provider's price table, and what a price file laid over it is read against. */
export interface PriceTableDefaults {
  /** The provider's list prices: a file's models replace or add to these. */
  table: PriceTable;
  /** The token facts assumed of a model neither lists (a format-1 file gives none). */
  unlistedModel: ModelFacts;
  /** Where the format is shown, for messages: the provider's own price file. */
  formatExample: string;
}

function invalidFile(file: string, error: z.ZodError, expected: string): Tp2dgError {
  const issue = error.issues[0];
  const where = issue?.path.join('.') || 'the file';
  return new Tp2dgError('INVALID_INPUT', `${file}: ${where}: ${issue?.message}. Expected ${expected}.`);
}

/** The file as format 2: as it is when it says `schema_version`, converted from format 1 otherwise. */
async function readAsLatestFormat(
  file: string,
  value: unknown,
  defaults: PriceTableDefaults,
): Promise<PriceTable> {
  if (typeof value === 'object' && value !== null && 'schema_version' in value) {
    const parsed = PriceTableSchema.safeParse(value);
    if (!parsed.success) {
      throw invalidFile(file, parsed.error, `the format of ${defaults.formatExample}`);
    }
    return parsed.data;
  }
  const parsed = PriceTableV1Schema.safeParse(value);
  if (!parsed.success) {
    throw invalidFile(
      file,
      parsed.error,
      `{schema_version: 2, ...} (see ${defaults.formatExample}) or {version, models: {<id>: {input, audio_input, output, cached_input, cached_audio_input}}}`,
    );
  }
  const changed = await stat(file);
  return convertPriceTableV1(parsed.data, {
    base: defaults.table,
    unlistedModel: defaults.unlistedModel,
    file,
    asOf: isoDay(changed.mtime),
  });
}

/**
 * Reads a price file: format 2 (`schema_version: 2`, as the provider's own table), or format 1
 * (`{version, models: {<id>: {input, audio_input, output, cached_input, cached_audio_input}}}`,
 * USD per 1M tokens), which is converted. Its models replace or add to the provider's, so a
 * file only needs the models that changed.
 */
export async function loadPriceTable(file: string, defaults: PriceTableDefaults): Promise<PriceTable> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `${file}: cannot read the price file (${(error as Error).message}).`,
    );
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${file}: not valid JSON (${(error as Error).message}). Fix the price file.`,
    );
  }
  const table = await readAsLatestFormat(file, value, defaults);
  const models = Object.entries(table.models).map(([id, model]) => [pricedModelId(id), model] as const);
  return { ...table, models: { ...defaults.table.models, ...Object.fromEntries(models) } };
}
