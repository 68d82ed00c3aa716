import { costOfCall, pricedModel, ratesOn, type ServiceTier, serviceTierFactor } from '@tp2dg/entities';
import { mapUsage } from '../map-usage.js';
import type { EmulatedGenerateBody, EmulatedReply } from './emulator-types.js';

/** What the emulated service charged for one answered generateContent call. */
export interface EmulatedBill {
  /** Position of the request among all generateContent requests of the emulator. */
  index: number;
  model: string;
  /** The tier the body asked for (`serviceTier`); standard when it named none. */
  serviceTier: ServiceTier;
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
  body: EmulatedGenerateBody,
  reply: EmulatedReply,
  date: Date,
): EmulatedBill | undefined {
  if (!('usageMetadata' in reply) || reply.usageMetadata === undefined) return undefined;
  const serviceTier = serviceTierOf(body);
  const priced = pricedModel(model);
  const usd =
    priced === undefined
      ? null
      : costOfCall(
          mapUsage(reply.usageMetadata),
          ratesOn(priced, date),
          serviceTierFactor(priced, serviceTier),
        );
  return { index, model, serviceTier, usd };
}
