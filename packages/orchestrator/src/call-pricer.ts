import {
  type BillingTier,
  costAtTier,
  type PriceTable,
  pricedModel,
  ratesOn,
  type TokenUsage,
} from '@tp2dg/entities';
import type { ModelFactory } from './run-types.js';

/** What one answered call cost in USD at list prices, at the tier it was billed at (standard when unknown). */
export type CallPricer = (usage: TokenUsage, serviceTier?: BillingTier) => number;

/**
 * Prices a run's calls at the list prices of the day each is answered, so a run that crosses a
 * price change pays each side at its own. A free backend's calls (the simulated model) cost 0.
 * Undefined when there is no table or it has no price for the model: such calls must never
 * count as free.
 */
export function createCallPricer(
  models: Pick<ModelFactory, 'capabilities' | 'model'>,
  prices: PriceTable | undefined,
  today: () => Date = () => new Date(),
): CallPricer | undefined {
  if (models.capabilities.freeAndDeterministic) return () => 0;
  const model = prices === undefined ? undefined : pricedModel(models.model, prices);
  return model === undefined
    ? undefined
    : (usage, serviceTier) => costAtTier(usage, ratesOn(model, today()), model, serviceTier);
}
