import { z } from 'zod';
import type { PricedModel } from './price-table-schema.js';

/**
 * Gemini's service tiers: `flex` is cheaper and slower and may be shed under load, `priority`
 * dearer and faster, `standard` the default. The tier changes the price and the latency of a
 * call, never what the model answers.
 */
export const ServiceTierSchema = z.enum(['flex', 'standard', 'priority']);
export type ServiceTier = z.infer<typeof ServiceTierSchema>;

export const DEFAULT_SERVICE_TIER: ServiceTier = 'standard';

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
