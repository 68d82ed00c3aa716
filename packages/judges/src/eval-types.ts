import type { PriceTable, TokenUsage } from '@tp2dg/entities';
import type { ModelFactory, RunEvent } from '@tp2dg/orchestrator';
import type { JudgeTemplates } from './judge-templates.js';

export interface RunEvaluationOptions {
  /** A run directory (`--output-dir` of tp2dg-generate) or any folder above its session folders. */
  input: string;
  /** The judge: one port per conversation judged, as a run gives one per conversation generated. */
  models: ModelFactory;
  templates: JudgeTemplates;
  /** Requests per judgement (the first included) until a usable score; see `JudgeContext.maxAttempts`. */
  maxAttempts: number;
  /** Conversations judged at the same time (default 1), and the most judge calls in flight among them. */
  concurrency?: number;
  /** A ceiling in USD at list prices: no conversation starts being judged that would pass it. */
  maxCostUsd?: number;
  /** The list prices of the ceiling and of each call; the default table when absent. */
  prices?: PriceTable;
  /** The wall clock: each call is priced at its day's list prices, and each evaluation dated. */
  today?: () => Date;
  /** Judges every conversation again, whatever judged it before. */
  fresh?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: EvalEvent) => void;
}

/** What a run reports as it goes: the generator's events where they mean the same, and its own. */
export type EvalEvent =
  | Extract<RunEvent, { type: 'run-started' | 'session-failed' | 'warning' }>
  | {
      type: 'session-evaluated';
      sessionId: string;
      folder: string;
      judgements: number;
      /** Calls this run paid for; `replayedCalls` more were answered from the session's evaluation journal. */
      calls: number;
      replayedCalls: number;
      model: string;
      usage: TokenUsage;
      /** USD at list prices of the calls this run paid for; 0 when simulated, null when the model has no price. */
      costUsd: number | null;
    }
  | { type: 'session-already-evaluated'; sessionId: string; folder: string };

export interface EvalReport {
  evaluated: number;
  /** Already judged by this judge and these rubrics: kept. */
  existing: number;
  failed: number;
  /** Judge calls this run made and paid for. */
  calls: number;
  /** Calls answered from evaluation journals instead. */
  replayedCalls: number;
  usage: TokenUsage;
  /** USD at list prices (0 for the simulated judge). */
  spentUsd: number;
  /** True when `maxCostUsd` held back conversations that were left to judge. */
  budgetReached: boolean;
  /** The `eval-summary.json` files written, one per run directory. */
  summaries: string[];
}
