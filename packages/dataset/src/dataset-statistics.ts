import { GOAL_CATEGORY_CODES, SPECIFICITY_CODES } from '@tp2dg/entities';
import type { ConfigName, Split } from './dataset-schema.js';
import type { SessionRecord } from './session-record.js';

/** What the card reports of the exported conversations, gathered as they are written. */
export interface DatasetStatistics {
  /** Rows per config and split, as written. */
  rows: Record<ConfigName, Partial<Record<Split, number>>>;
  /** Conversations per goal category, then per specificity code. */
  goalGrid: Record<string, Record<string, number>>;
  /** Conversations per turn count. */
  turns: Record<number, number>;
  /** Conversations per target turn count the goal set. */
  targetTurns: Record<number, number>;
  /** Turns per agent and response code of the turn's final reply. */
  responseCodes: { listener: Record<string, number>; recsys: Record<string, number> };
  models: Set<string>;
  providers: Set<string>;
  promptsHashes: Set<string>;
  cost: { usd: number; priced: number; unpriced: number };
  /** Conversations with judges' scores, and each judge as `provider/model (rubrics sha256 ...)`. */
  evaluated: number;
  judges: Set<string>;
}

export function emptyStatistics(): DatasetStatistics {
  const grid = Object.fromEntries(
    GOAL_CATEGORY_CODES.map((category) => [
      category,
      Object.fromEntries(SPECIFICITY_CODES.map((code) => [code, 0])),
    ]),
  );
  return {
    rows: { conversations: {}, conversations_extra: {}, tracks: {}, users: {} },
    goalGrid: grid,
    turns: {},
    targetTurns: {},
    responseCodes: { listener: {}, recsys: {} },
    models: new Set(),
    providers: new Set(),
    promptsHashes: new Set(),
    cost: { usd: 0, priced: 0, unpriced: 0 },
    evaluated: 0,
    judges: new Set(),
  };
}

export function countConversation(
  stats: DatasetStatistics,
  record: SessionRecord,
  costUsd: number | null,
): void {
  const { goal } = record.goal;
  // The grid holds every catalog code; a category of a later catalog gets its own row.
  const row = stats.goalGrid[goal.category_code] ?? {};
  stats.goalGrid[goal.category_code] = row;
  bump(row, goal.specificity_code);
  bump(stats.turns, record.chat.length);
  bump(stats.targetTurns, goal.target_turn_count);
  for (const turn of record.chat) {
    bump(stats.responseCodes.listener, turn.listener.response_code);
    bump(stats.responseCodes.recsys, turn.recsys.response_code);
  }
  stats.models.add(record.file.provenance.model);
  stats.providers.add(record.file.provenance.provider);
  stats.promptsHashes.add(record.file.provenance.prompts_hash);
  if (record.evaluation !== null) {
    const { provider, model, rubrics_hash } = record.evaluation.judge;
    stats.evaluated += 1;
    stats.judges.add(`${provider}/${model} (rubrics sha256 ${rubrics_hash.slice(0, 12)})`);
  }
  if (costUsd === null) stats.cost.unpriced += 1;
  else {
    stats.cost.usd += costUsd;
    stats.cost.priced += 1;
  }
}

function bump<K extends string | number>(counts: Record<K, number>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
