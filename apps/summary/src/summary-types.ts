import type {
  AgentName,
  FailureRecord,
  GoalCategoryCode,
  Judge,
  ResponseCode,
  RubricName,
  RubricSummary,
  SpecificityCode,
  TokenUsage,
} from '@tp2dg/entities';
import type { ConversationMetrics, NumberStatistics } from '@tp2dg/metrics';

/** Bumped whenever a key of `Summary` changes meaning or disappears. */
export const SUMMARY_SCHEMA_VERSION = 1;

/** Mean, min and max of one figure over conversations; null when there is nothing to measure. */
export type { NumberStatistics };

export interface ProviderModelCount {
  provider: string;
  model: string;
  count: number;
}

/** Among conversations that reached `turn`, how many listeners said the last track moved toward the goal. */
export interface TurnProgress {
  turn: number;
  assessed: number;
  moves_toward_goal: number;
  /** moves_toward_goal / assessed, rounded to 4 decimals. */
  share: number;
}

export interface AgentCost {
  /** USD at list prices, rounded to 6 decimals; only priced, non-simulated calls. */
  usd: number;
  priced_calls: number;
  /** Calls to a model without a list price: their cost is missing from `usd`. */
  unpriced_calls: number;
  /** Calls answered by the offline simulated provider: not billed. */
  simulated_calls: number;
}

export interface FailureCount {
  stage: FailureRecord['stage'];
  code: string;
  count: number;
}

/**
 * The quality metrics of one run's conversations, computed from their text by `@tp2dg/metrics`
 * (its README defines each), with the run they describe.
 */
export interface RunMetrics extends ConversationMetrics {
  /** The run directory (`<model>/<corpus>`) relative to the input; `.` when the input is the run directory. */
  run: string;
  /** Its conversations from the offline simulated provider: measured like the others, but not LLM output. */
  simulated: number;
}

/** The scores one judge (provider, model, rubric templates) gave, from the conversations' `eval.json`. */
export interface JudgeScores extends Judge {
  /** The judge is the offline simulated one: its scores are not a model's judgement. */
  simulated: boolean;
  /** Conversations it scored. */
  conversations: number;
  /** Each rubric's mean (rounded to 4 decimals; null without any) and count over its judgements. */
  rubrics: Record<RubricName, RubricSummary>;
}

/** A file that could not be read or did not match its schema; its conversation is excluded. */
export interface InvalidFile {
  /** Path relative to the input directory, with `:line` for JSON-lines files. */
  file: string;
  problem: string;
}

/** Everything `tp2dg-summary` reports; `--json` prints exactly this object. */
export interface Summary {
  schema_version: typeof SUMMARY_SCHEMA_VERSION;
  input: string;
  conversations: {
    /** Valid conversations: every figure below is computed over these. */
    total: number;
    /** Conversations from the offline simulated provider: not LLM output. */
    simulated: number;
    /**
     * Conversations saved with fewer turns than asked (`ended_early` in session.json, written
     * only with `--keep-short`); counted in `total` too.
     */
    short: number;
    by_provider_model: ProviderModelCount[];
  };
  turns_per_conversation: NumberStatistics;
  /** Tracks the Recsys could recommend from, per conversation (the paper's pools hold 21 to 32). */
  pool_size_per_conversation: NumberStatistics;
  calls_per_conversation: NumberStatistics & { total: number };
  /** Goal counts: category code (A-K) -> specificity code (LL, HL, LH, HH) -> conversations. */
  goals: Record<GoalCategoryCode, Record<SpecificityCode, number>>;
  /** Turns 2..N (turn 1 has no assessment). */
  progress_by_turn: TurnProgress[];
  response_codes: {
    /** From chat.json, one code per agent and turn. */
    turns: { listener: Record<ResponseCode, number>; recsys: Record<ResponseCode, number> };
    /** From calls.jsonl, one code per model call (re-asks included). */
    calls: Record<ResponseCode, number>;
  };
  tokens: { by_agent: Record<AgentName, TokenUsage>; total: TokenUsage };
  cost: {
    currency: 'USD';
    /** The `version` of the price table the figures use. */
    price_table: string;
    by_agent: Record<AgentName, AgentCost>;
    total: AgentCost;
    /** Conversations not produced by the simulated provider. */
    billed_conversations: number;
    /**
     * total.usd / billed_conversations, rounded to 6 decimals; null without billed conversations,
     * or when none of their calls has a price.
     */
    mean_per_billed_conversation_usd: number | null;
    unpriced_models: string[];
  };
  /** Per run directory, in path order: a figure over two runs (two models, or simulated and real data) would describe neither. */
  metrics: RunMetrics[];
  failures: {
    total: number;
    by_stage_code: FailureCount[];
    /** Every outstanding failure by session id: where it failed (agent, turn), the code and the reason. */
    sessions: FailureRecord[];
  };
  /** By judge, when conversations have an `eval.json` (`tp2dg-eval`); empty otherwise. */
  judge_scores: JudgeScores[];
  invalid_files: InvalidFile[];
}
