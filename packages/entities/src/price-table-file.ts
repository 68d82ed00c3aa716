import { readFile } from 'node:fs/promises';
import { Tp2dgError } from './errors.js';
import { DEFAULT_PRICE_TABLE, type PriceTable, PriceTableSchema, pricedModelId } from './pricing.js';

/**
 * Reads a price file `{version, models: {<id>: {input, audio_input, output, cached_input,
 * cached_audio_input}}}` (USD per 1M tokens). Its models replace or add to the default
 * table's, so a file only needs the prices that changed.
 */
export async function loadPriceTable(file: string): Promise<PriceTable> {
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
  const parsed = PriceTableSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'the file';
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${file}: ${where}: ${issue?.message}. Expected {version, models: {<id>: {input, audio_input, output, cached_input, cached_audio_input}}}.`,
    );
  }
  const models = Object.entries(parsed.data.models).map(
    ([id, prices]) => [pricedModelId(id), prices] as const,
  );
  return {
    version: parsed.data.version,
    models: { ...DEFAULT_PRICE_TABLE.models, ...Object.fromEntries(models) },
  };
}
