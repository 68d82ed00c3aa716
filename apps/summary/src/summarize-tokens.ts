import {
  type AgentName,
  addUsage,
  CallRecordSchema,
  sumUsage,
  type TokenUsage,
  ZERO_USAGE,
} from '@tp2dg/entities';
import type { ConversationRecord } from './collect.js';
import type { Summary } from './summary-types.js';

/** The four agents in pipeline order, taken from the schema so a new agent cannot be missed. */
export const AGENT_NAMES: readonly AgentName[] = CallRecordSchema.shape.agent.options;

/** Keys every agent has (0 when it made no call), in `AGENT_NAMES` order. */
export function byAgent<Value>(create: () => Value): Record<AgentName, Value> {
  return Object.fromEntries(AGENT_NAMES.map((agent) => [agent, create()])) as Record<AgentName, Value>;
}

/** Token usage by agent and modality from calls.jsonl, re-asks included: they were paid for. */
export function sumTokens(conversations: readonly ConversationRecord[]): Summary['tokens'] {
  const tokensByAgent = byAgent<TokenUsage>(() => ({ ...ZERO_USAGE }));
  for (const conversation of conversations) {
    for (const call of conversation.calls) {
      tokensByAgent[call.agent] = addUsage(tokensByAgent[call.agent], call.usage);
    }
  }
  const total = sumUsage(AGENT_NAMES.map((agent) => tokensByAgent[agent]));
  return { by_agent: tokensByAgent, total };
}
