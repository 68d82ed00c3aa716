import {
  type AgentName,
  type CallRecord,
  CallRecordSchema,
  type ResponseCode,
  type TokenUsage,
  ZERO_USAGE,
} from '@tp2dg/entities';
import type { ConversationOptions } from './test-fixtures.js';

// Test data only: calls.jsonl records, parsed with the entities schema like every fixture.

/** At gemini-2.5-flash list prices: 8,000 x 0.30 + 2,000 x 0.03 + 1,000 x 1.00 + 1,000 x 2.50 = $0.00596. */
export const CALL_USAGE: TokenUsage = {
  ...ZERO_USAGE,
  text_input: 10_000,
  cached_text_input: 2_000,
  audio_input: 1_000,
  output: 1_000,
};

function buildCall(
  agent: AgentName,
  turn: number | null,
  options: ConversationOptions,
  code: ResponseCode,
): CallRecord {
  return CallRecordSchema.parse({
    agent,
    turn,
    template: `${agent}-template`,
    attempt: 1,
    provider: options.provider,
    model: options.model,
    request: { system_instruction: null, messages: [], response_json_schema: null },
    response_text: '{}',
    response_code: code,
    problem: null,
    usage: CALL_USAGE,
    finish_reason: 'stop',
    latency_ms: 5,
  });
}

/** The method's call pattern: profile, goal, then priming plus one call per turn for each chat agent. */
export function buildCalls(options: ConversationOptions): CallRecord[] {
  const turns = Array.from({ length: options.assessments.length + 2 }, (_, turn) => turn);
  const lastTurn = turns.length - 1;
  return [
    buildCall('profile', null, options, 'SUCCESS'),
    buildCall('goal', null, options, 'SUCCESS'),
    ...turns.map((turn) => buildCall('listener', turn, options, 'SUCCESS')),
    ...turns.map((turn) =>
      buildCall(
        'recsys',
        turn,
        options,
        turn === lastTurn ? (options.lastRecsysCode ?? 'SUCCESS') : 'SUCCESS',
      ),
    ),
  ];
}
