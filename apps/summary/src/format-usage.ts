import type { AgentName } from '@tp2dg/entities';
import { formatInteger, formatUsd } from './format-numbers.js';
import { formatTable } from './format-table.js';
import type { AgentCost, Summary } from './summary-types.js';

/** Says why a cell has no plain dollar figure, rather than showing a misleading $0. */
export function formatCost(cost: AgentCost): string {
  if (cost.priced_calls === 0 && cost.unpriced_calls > 0) return 'price unknown';
  if (cost.priced_calls === 0 && cost.simulated_calls > 0) return 'not billed';
  const usd = formatUsd(cost.usd);
  return cost.unpriced_calls > 0 ? `${usd} + price unknown` : usd;
}

export function formatTokens(tokens: Summary['tokens']): string[] {
  const rows = [...Object.entries(tokens.by_agent), ['total', tokens.total] as const].map(
    ([agent, usage]) => [
      agent,
      formatInteger(usage.text_input),
      formatInteger(usage.image_input),
      formatInteger(usage.audio_input),
      formatInteger(usage.cached_text_input + usage.cached_image_input + usage.cached_audio_input),
      formatInteger(
        usage.cache_creation_text_input + usage.cache_creation_image_input + usage.cache_creation_audio_input,
      ),
      formatInteger(usage.output),
      formatInteger(usage.thinking),
      formatInteger(Math.round(usage.cache_storage_token_seconds / 3600)),
    ],
  );
  return [
    'Token usage by agent (cached = inputs served from cache, billed at the cached rate; not in the other input columns; cache made = tokens of the explicit caches made, billed once at the input price; stored = their storage asked for, in token-hours)',
    ...formatTable([
      ['agent', 'text in', 'image in', 'audio in', 'cached', 'cache made', 'output', 'thinking', 'stored'],
      ...rows,
    ]),
  ];
}

function formatMean(cost: Summary['cost'], incomplete: string): string {
  const mean = cost.mean_per_billed_conversation_usd;
  if (mean !== null) {
    return `Mean per billed conversation: ${formatUsd(mean)} over ${cost.billed_conversations} billed conversations${incomplete}`;
  }
  return cost.billed_conversations === 0
    ? 'Mean per billed conversation: none (no conversation from a billed provider)'
    : 'Mean per billed conversation: price unknown';
}

export function formatCostSection(cost: Summary['cost']): string[] {
  const entries: [AgentName | 'total', AgentCost][] = [
    ...(Object.entries(cost.by_agent) as [AgentName, AgentCost][]),
    ['total', cost.total],
  ];
  const rows = entries.map(([agent, agentCost]) => [
    agent,
    formatInteger(agentCost.priced_calls),
    formatInteger(agentCost.unpriced_calls),
    formatInteger(agentCost.simulated_calls),
    formatCost(agentCost),
  ]);
  const incomplete =
    cost.total.unpriced_calls > 0 ? ` (without ${cost.total.unpriced_calls} calls of unknown price)` : '';
  return [
    `Cost at list prices (USD, standard tier, prices ${cost.price_table}; simulated calls are not billed)`,
    ...formatTable([['agent', 'priced calls', 'unpriced calls', 'simulated calls', 'cost'], ...rows]),
    formatMean(cost, incomplete),
    ...(cost.unpriced_models.length > 0
      ? [`Price unknown for: ${cost.unpriced_models.join(', ')} (pass --prices FILE with their prices)`]
      : []),
  ];
}
