import { addUsage, type BillingTier, type ModelPort, type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';

/** A model that counts the calls it answers and what they used: the calls a run pays for. */
export interface MeteredModel extends ModelPort {
  readonly calls: number;
  readonly usage: TokenUsage;
}

/**
 * Counts every answered call as it comes back and tells `onCall`, so a budget sees what a
 * conversation spends while it runs, and also what a conversation that fails later spent.
 */
export function meteredModel(
  model: ModelPort,
  onCall: (usage: TokenUsage, serviceTier: BillingTier | undefined) => void = () => {},
): MeteredModel {
  let calls = 0;
  let usage = ZERO_USAGE;
  return {
    provider: model.provider,
    model: model.model,
    get calls() {
      return calls;
    },
    get usage() {
      return usage;
    },
    async generate(request) {
      const result = await model.generate(request);
      calls += 1;
      usage = addUsage(usage, result.usage);
      // The tier the answer was served at prices it: a flex call may have fallen back to standard.
      onCall(result.usage, result.serviceTier);
      return result;
    },
    async close() {
      await model.close?.();
    },
  };
}
