import { z } from 'zod';

/** USD per 1M tokens (cache storage: per 1M tokens per hour). */
const usd = z.number().min(0);
const isoDate = z.iso.date();

/** A price per input modality; video and documents are billed as text. */
export const ModalityPricesSchema = z.object({ text: usd, image: usd, audio: usd });
export type ModalityPrices = z.infer<typeof ModalityPricesSchema>;

/** What one request costs per 1M tokens of each kind, in one prompt-size tier. */
const TierPricesSchema = z.object({
  input: ModalityPricesSchema,
  /** Output; thinking tokens are billed as output. */
  output: usd,
  /** Input served from a cache (implicit hits or an explicit cache), apart from storage. */
  cached_input: ModalityPricesSchema,
});

/** The prices of a model from a date on (`from`), up to the next entry's date. */
export const ModelRatesSchema = TierPricesSchema.extend({
  /** The first day these prices apply (UTC); null on the first entry: since before the table. */
  from: isoDate.nullable(),
  /** Explicit cache storage per 1M tokens per hour; null where explicit caching is not offered. */
  cache_storage_per_hour: usd.nullable(),
  /** Prices of a request whose prompt is longer than `above_tokens`; null where there is one tier. */
  long_context: TierPricesSchema.extend({ above_tokens: z.number().int().positive() }).nullable(),
});
export type ModelRates = z.infer<typeof ModelRatesSchema>;

export const MEDIA_RESOLUTIONS = ['low', 'medium', 'high'] as const;
export const MediaResolutionSchema = z.enum(MEDIA_RESOLUTIONS);
/** How finely the model reads an image: on models that take it, it decides the image's tokens. */
export type MediaResolution = z.infer<typeof MediaResolutionSchema>;

/** How a model counts media tokens, which no price says. */
export const MediaFactsSchema = z.object({
  audio_tokens_per_second: z.number().positive(),
  /** Tokens of one image at each media resolution. */
  image_tokens: z.object({
    low: z.number().int().positive(),
    medium: z.number().int().positive(),
    high: z.number().int().positive(),
  }),
  /** The resolution the model reads an image at when none is sent. */
  default_media_resolution: MediaResolutionSchema,
  /** Whether the model takes a media resolution on each part; else its default applies. */
  media_resolution_per_part: z.boolean(),
});

export const ThinkingFactsSchema = z.object({
  /** Thinking tokens of one call when no thinking budget is set. */
  default_tokens_per_call: z.number().int().min(0),
  /** Where the figure comes from: the provider's page, or `estimate: ...`. */
  source: z.string().min(1),
  /**
   * The smallest thinking budget the model accepts (0 turns thinking off); null where the
   * provider publishes none. Absent in a table written before it existed: read as null.
   */
  least_budget: z.number().int().min(0).nullable().default(null),
  /** Where `least_budget` comes from. */
  least_budget_source: z.string().min(1).optional(),
});

/** What the table knows of one model: availability, dated prices, discounts, token counting. */
export const PricedModelSchema = z
  .object({
    status: z.enum(['available', 'preview', 'retired']),
    /** The day the service stopped serving it; set exactly when retired. */
    retired_on: isoDate.nullable(),
    /** The model the provider names as its replacement; set exactly when retired. */
    replaced_by: z.string().min(1).nullable(),
    /** The day the figures were taken from `source`. */
    as_of: isoDate,
    /** The provider's public pages the figures come from, by name. */
    source: z.string().min(1),
    /** Assumptions made where the provider publishes no figure. */
    notes: z.array(z.string()).default([]),
    /** Ascending by `from`; the first entry has `from: null`. */
    rates: z.array(ModelRatesSchema).min(1),
    /** Share of the standard price taken off in the Batch API and the flex tier; null where not offered. */
    batch_discount: z.number().min(0).max(1).nullable(),
    flex_discount: z.number().min(0).max(1).nullable(),
    /** Fewest tokens an explicit cache may hold; null where explicit caching is not offered. */
    explicit_cache_min_tokens: z.number().int().positive().nullable(),
    media: MediaFactsSchema,
    thinking: ThinkingFactsSchema,
  })
  .superRefine((model, context) => {
    const retired = model.status === 'retired';
    if (retired !== (model.retired_on !== null) || retired !== (model.replaced_by !== null)) {
      context.addIssue({
        code: 'custom',
        path: ['status'],
        message: 'retired_on and replaced_by are set exactly when the status is retired',
      });
    }
    model.rates.forEach((rates, index) => {
      // A cache tp2dg may make must have a storage price, or its storage would count as free.
      if (model.explicit_cache_min_tokens !== null && rates.cache_storage_per_hour === null) {
        context.addIssue({
          code: 'custom',
          path: ['rates', index, 'cache_storage_per_hour'],
          message:
            'a model with explicit_cache_min_tokens needs a cache_storage_per_hour in every rates entry',
        });
      }
      const previous = model.rates[index - 1]?.from;
      const inOrder =
        index === 0 ? rates.from === null : rates.from !== null && rates.from > (previous ?? '');
      if (!inOrder) {
        context.addIssue({
          code: 'custom',
          path: ['rates', index, 'from'],
          message: 'the first rates have from: null, each later one a date after the one before',
        });
      }
    });
  });
export type PricedModel = z.infer<typeof PricedModelSchema>;

/** Media and thinking facts of a model: what counting its tokens needs, apart from prices. */
export type ModelFacts = Pick<PricedModel, 'media' | 'thinking'>;

/** The price table, format 2: models by id, with a version that says which prices a figure used. */
export const PriceTableSchema = z.object({
  schema_version: z.literal(2),
  version: z.string().min(1),
  currency: z.literal('USD'),
  models: z.record(z.string(), PricedModelSchema),
});
export type PriceTable = z.infer<typeof PriceTableSchema>;
