import { type PriceTable, pricedModel, Tp2dgError } from '@tp2dg/entities';

/** `--context-cache`: whether tp2dg makes explicit caches; the service's implicit caching applies whatever it is. */
export const CONTEXT_CACHE_MODES = ['explicit', 'implicit', 'off'] as const;
export type ContextCacheMode = (typeof CONTEXT_CACHE_MODES)[number];

/** The mode a run uses, and the model's explicit cache minimum when that mode is `explicit`. */
export interface ContextCacheChoice {
  mode: ContextCacheMode;
  /** Set exactly when `mode` is explicit. */
  minTokens: number | undefined;
}

/** The models of the table that offer explicit caching and are still served, for advice. */
function modelsWithExplicitCaching(prices: PriceTable): string[] {
  return Object.entries(prices.models)
    .filter(([, model]) => model.status !== 'retired' && model.explicit_cache_min_tokens !== null)
    .map(([id]) => id);
}

/**
 * `--context-cache` as asked, or by default `explicit` for a model the price table gives an
 * explicit cache minimum and `implicit` for the others, and always in batch mode. Asking
 * `explicit` of a model without explicit caching (or one the table does not list) is refused:
 * no cache could be made; so is asking it in batch mode, whose requests may not name a cache.
 */
export function resolveContextCache(
  asked: ContextCacheMode | undefined,
  model: string,
  prices: PriceTable,
  runMode: 'online' | 'batch' = 'online',
): ContextCacheChoice {
  const minTokens = pricedModel(model, prices)?.explicit_cache_min_tokens ?? null;
  const mode = asked ?? (minTokens === null || runMode === 'batch' ? 'implicit' : 'explicit');
  if (mode !== 'explicit') return { mode, minTokens: undefined };
  if (runMode === 'batch') {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      '--context-cache explicit: Gemini accepts no explicit cache in a batch request; use --context-cache implicit with --mode batch (batch requests still get implicit cache hits).',
    );
  }
  if (minTokens !== null) return { mode, minTokens };
  const known =
    pricedModel(model, prices) === undefined ? 'is not in the price table' : 'offers no explicit caching';
  throw new Tp2dgError(
    'INVALID_ARGUMENT',
    `--context-cache explicit: ${model} ${known} (no explicit_cache_min_tokens); use --context-cache implicit, or a model that offers it (${modelsWithExplicitCaching(prices).join(', ')}).`,
  );
}
