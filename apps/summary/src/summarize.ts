import { type PriceTable, RESPONSE_CODES } from '@tp2dg/entities';
import { GEMINI_PRICE_TABLE } from '@tp2dg/gemini-adapter/planning';
import { type CollectedData, type ConversationRecord, isSimulated } from './collect.js';
import { countBy, countCombinations, describeNumbers } from './statistics.js';
import { estimateCost } from './summarize-cost.js';
import { countGoals, progressByTurn } from './summarize-goals.js';
import { summarizeJudgeScores } from './summarize-judges.js';
import { summarizeMetrics } from './summarize-metrics.js';
import { sumTokens } from './summarize-tokens.js';
import { SUMMARY_SCHEMA_VERSION, type Summary } from './summary-types.js';

function countResponseCodes(conversations: readonly ConversationRecord[]): Summary['response_codes'] {
  const turns = conversations.flatMap((conversation) => conversation.chat);
  const calls = conversations.flatMap((conversation) => conversation.calls);
  return {
    turns: {
      listener: countBy(
        RESPONSE_CODES,
        turns.map((entry) => entry.listener.response_code),
      ),
      recsys: countBy(
        RESPONSE_CODES,
        turns.map((entry) => entry.recsys.response_code),
      ),
    },
    calls: countBy(
      RESPONSE_CODES,
      calls.map((call) => call.response_code),
    ),
  };
}

/** Pure: turns what `collect` read into every figure of the report. */
export function summarize(
  input: string,
  collected: CollectedData,
  prices: PriceTable = GEMINI_PRICE_TABLE,
): Summary {
  const { conversations } = collected;
  const callCounts = conversations.map((conversation) => conversation.calls.length);
  return {
    schema_version: SUMMARY_SCHEMA_VERSION,
    input,
    conversations: {
      total: conversations.length,
      simulated: conversations.filter(isSimulated).length,
      short: conversations.filter(({ session }) => session.ended_early !== null).length,
      by_provider_model: countCombinations(
        conversations.map(({ session }) => ({
          provider: session.provenance.provider,
          model: session.provenance.model,
        })),
      ),
    },
    turns_per_conversation: describeNumbers(conversations.map((conversation) => conversation.chat.length)),
    pool_size_per_conversation: describeNumbers(
      conversations.map((conversation) => conversation.session.pool_tracks.length),
    ),
    calls_per_conversation: {
      ...describeNumbers(callCounts),
      total: callCounts.reduce((sum, count) => sum + count, 0),
    },
    goals: countGoals(conversations),
    progress_by_turn: progressByTurn(conversations),
    response_codes: countResponseCodes(conversations),
    tokens: sumTokens(conversations),
    cost: estimateCost(conversations, prices),
    metrics: summarizeMetrics(conversations),
    failures: {
      total: collected.failures.length,
      by_stage_code: countCombinations(collected.failures.map(({ stage, code }) => ({ stage, code }))),
      sessions: [...collected.failures].sort((left, right) =>
        left.session_id.localeCompare(right.session_id),
      ),
    },
    judge_scores: summarizeJudgeScores(conversations),
    invalid_files: collected.invalid_files,
  };
}
