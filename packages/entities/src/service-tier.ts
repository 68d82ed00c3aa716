import { z } from 'zod';
import type { ModelRates, PricedModel } from './price-table-schema.js';
import { cachedInputCost, cacheUpkeepCost, requestCost } from './pricing.js';
import type { TokenUsage } from './usage.js';

/**
 * The service tiers a provider may offer: `flex` is cheaper and slower and may be shed under
 * load, `priority` dearer and faster, `standard` the default. The tier changes the price and the latency of a
 * call, never what the model answers.
 */
export const ServiceTierSchema = z.enum(['flex', 'standard', 'priority']);
export type ServiceTier = z.infer<typeof ServiceTierSchema>;

export const DEFAULT_SERVICE_TIER: ServiceTier = 'standard';

/**
 * What a call is billed at: the service tier it was served at, or `batch` for a call answered
 * through a provider's batch API. Batch is no tier a single request can ask for: it is how the
 * call was sent (`--mode batch`), which is why `ServiceTier` leaves it out.
 */
export const BillingTierSchema = z.enum([...ServiceTierSchema.options, 'batch']);
export type BillingTier = z.infer<typeof BillingTierSchema>;

/**
 * What a call sent at `tier` costs against the standard list price: `1 - flex_discount` for
 * flex (1 where the table offers no flex discount, so a call is never counted cheaper than the
 * table says). The table has no priority premium, so priority is priced as standard. A call
 * recorded without a tier was sent before tiers existed: standard.
 */
export function serviceTierFactor(model: PricedModel, tier: ServiceTier | undefined): number {
  if (tier === 'flex') return 1 - (model.flex_discount ?? 0);
  return 1;
}

/**
 * Cost of one call in USD at the tier it was billed at (standard when unrecorded). A batch call
 * gets the table's batch discount on everything but the input the implicit cache served, which
 * is billed at the cached price, as for calls sent one by one. No discount where
 * the table offers none.
 */
export function costAtTier(
  usage: TokenUsage,
  rates: ModelRates,
  model: PricedModel,
  tier: BillingTier | undefined,
): number {
  // Creating and storing an explicit cache is billed in full at any tier (batch makes none).
  const upkeep = cacheUpkeepCost(usage, rates);
  const request = requestCost(usage, rates);
  if (tier !== 'batch') return request * serviceTierFactor(model, tier) + upkeep;
  const cached = cachedInputCost(usage, rates);
  return upkeep + cached + (request - cached) * (1 - (model.batch_discount ?? 0));
}
