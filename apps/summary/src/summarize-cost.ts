import { costAtTier, type PriceTable, pricedModel, ratesOn, SIMULATED_PROVIDER } from '@tp2dg/entities';
import { type ConversationRecord, isSimulated } from './collect.js';
import { round } from './statistics.js';
import { AGENT_NAMES, byAgent } from './summarize-tokens.js';
import type { AgentCost, Summary } from './summary-types.js';

const USD_DECIMALS = 6;

function emptyCost(): AgentCost {
  return { usd: 0, priced_calls: 0, unpriced_calls: 0, simulated_calls: 0 };
}

/**
 * Cost at list prices, call by call, priced by each call's own model at the prices of the day
 * its conversation was generated. Simulated calls cost nothing: their token counts are
 * invented, and pricing them would put a made-up figure beside real ones. Calls to unknown
 * models are counted, never guessed.
 */
export function estimateCost(
  conversations: readonly ConversationRecord[],
  prices: PriceTable,
): Summary['cost'] {
  const costByAgent = byAgent(emptyCost);
  const unpricedModels = new Set<string>();
  const calls = conversations.flatMap(({ calls, generatedAt }) =>
    calls.map((call) => ({ call, generatedAt })),
  );
  for (const { call, generatedAt } of calls) {
    const cost = costByAgent[call.agent];
    const model = pricedModel(call.model, prices);
    if (call.provider === SIMULATED_PROVIDER) cost.simulated_calls += 1;
    else if (model === undefined) {
      cost.unpriced_calls += 1;
      unpricedModels.add(call.model);
    } else {
      cost.priced_calls += 1;
      // Each call at the tier it was billed at: a flex run's calls cost the table's flex share,
      // a batch run's the batch share (but for their cache hits).
      cost.usd += costAtTier(call.usage, ratesOn(model, generatedAt), model, call.service_tier);
    }
  }
  const total = emptyCost();
  for (const agent of AGENT_NAMES) {
    const cost = costByAgent[agent];
    total.usd += cost.usd;
    total.priced_calls += cost.priced_calls;
    total.unpriced_calls += cost.unpriced_calls;
    total.simulated_calls += cost.simulated_calls;
    // Rounded only after adding to the total, so rounding errors do not accumulate.
    cost.usd = round(cost.usd, USD_DECIMALS);
  }
  const billed = conversations.filter((conversation) => !isSimulated(conversation)).length;
  return {
    currency: 'USD',
    price_table: prices.version,
    by_agent: costByAgent,
    total: { ...total, usd: round(total.usd, USD_DECIMALS) },
    billed_conversations: billed,
    // No call with a price: a mean of 0 would pass for the cost.
    mean_per_billed_conversation_usd:
      billed === 0 || total.priced_calls === 0 ? null : round(total.usd / billed, USD_DECIMALS),
    unpriced_models: [...unpricedModels].sort(),
  };
}
