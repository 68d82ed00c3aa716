import { type BillingTier, costAtTier, pricedModel, ratesOn, type ServiceTier } from '@tp2dg/entities';
import { mapUsage } from '../map-usage.js';
import { GEMINI_PRICE_TABLE } from '../prices/gemini-prices.js';
import type { EmulatedGenerateBody, EmulatedReply } from './emulator-types.js';

/** What the emulated service charged for one answered request. */
export interface EmulatedBill {
  /** Position of the request among all requests the emulator answers (generateContent and batch). */
  index: number;
  model: string;
  /** The tier the body asked for (`serviceTier`, standard when it named none), or batch for a batch job's request. */
  serviceTier: BillingTier;
  /** At the default price table's list prices on `date`, the tier's discount applied; null for an unpriced model. */
  usd: number | null;
}

/** The tier a generateContent body asks for, as the service reads its top-level `serviceTier`. */
export function serviceTierOf(body: EmulatedGenerateBody): ServiceTier {
  const tier = body.serviceTier;
  return tier === 'flex' || tier === 'priority' ? tier : 'standard';
}

/** The bill of an answer with usage, or undefined for an error, a hang or an answer without usage. */
export function billOf(
  index: number,
  model: string,
  serviceTier: BillingTier,
  reply: EmulatedReply,
  date: Date,
): EmulatedBill | undefined {
  if (!('usageMetadata' in reply) || reply.usageMetadata === undefined) return undefined;
  const priced = pricedModel(model, GEMINI_PRICE_TABLE);
  const usd =
    priced === undefined
      ? null
      : costAtTier(mapUsage(reply.usageMetadata), ratesOn(priced, date), priced, serviceTier);
  return { index, model, serviceTier, usd };
}
