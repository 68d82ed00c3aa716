import { z } from 'zod';
import type { ModelFacts, PricedModel, PriceTable } from './price-table-schema.js';
import { pricedModel, pricedModelId } from './pricing.js';

const usd = z.number().min(0);

/** The first price file format: one input price for text and images, audio apart, one tier. */
export const PriceTableV1Schema = z.object({
  version: z.string().min(1),
  models: z.record(
    z.string(),
    z.object({
      input: usd,
      audio_input: usd,
      output: usd,
      cached_input: usd,
      cached_audio_input: usd,
    }),
  ),
});
export type PriceTableV1 = z.infer<typeof PriceTableV1Schema>;

/** What a format-1 file says nothing of. */
type UnpricedFacts = Omit<PricedModel, 'as_of' | 'source' | 'notes' | 'rates'>;

/** Of a model the base table does not list: available, no discount or cache known, the token facts assumed. */
function unlistedModel(facts: ModelFacts): UnpricedFacts {
  return {
    status: 'available',
    retired_on: null,
    replaced_by: null,
    batch_discount: null,
    flex_discount: null,
    explicit_cache_min_tokens: null,
    ...facts,
  };
}

export interface V1ConversionContext {
  /** Where what the file says nothing of (status, token facts, discounts) is taken from. */
  base: PriceTable;
  /** The token facts assumed of a model the base table does not list. */
  unlistedModel: ModelFacts;
  /** Names the file in each model's `source`. */
  file: string;
  /** The day the file was last changed: its prices are as of then. */
  asOf: string;
}

/**
 * A format-1 file as format 2. Its prices replace every dated rate of a model (format 1 had no
 * dates nor a long-context tier); the rest is kept from the base table, and a model the base
 * table does not list gets the facts assumed of an unlisted model.
 */
export function convertPriceTableV1(file: PriceTableV1, context: V1ConversionContext): PriceTable {
  const models = Object.entries(file.models).map(([id, prices]): [string, PricedModel] => {
    const known = pricedModel(id, context.base);
    const fileRates = {
      from: null,
      input: { text: prices.input, image: prices.input, audio: prices.audio_input },
      output: prices.output,
      cached_input: {
        text: prices.cached_input,
        image: prices.cached_input,
        audio: prices.cached_audio_input,
      },
      cache_storage_per_hour: known?.rates[0]?.cache_storage_per_hour ?? null,
      long_context: null,
    };
    const rest =
      known === undefined ? 'token facts assumed: not in the base table' : 'the rest as in the base table';
    return [
      pricedModelId(id),
      {
        ...(known ?? unlistedModel(context.unlistedModel)),
        as_of: context.asOf,
        source: `price file ${context.file} (format 1)`,
        notes: [`Prices from a format-1 price file; ${rest}.`],
        rates: [fileRates],
      },
    ];
  });
  return { schema_version: 2, version: file.version, currency: 'USD', models: Object.fromEntries(models) };
}
