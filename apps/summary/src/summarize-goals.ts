import { GOAL_CATEGORY_CODES, SPECIFICITY_CODES } from '@tp2dg/entities';
import type { ConversationRecord } from './collect.js';
import { countBy, round } from './statistics.js';
import type { Summary, TurnProgress } from './summary-types.js';

/** Category x specificity counts from conversation_goal.json (the adapted goal). */
export function countGoals(conversations: readonly ConversationRecord[]): Summary['goals'] {
  const byCategory = (category: string) =>
    countBy(
      SPECIFICITY_CODES,
      conversations
        .filter((conversation) => conversation.goal.goal.category_code === category)
        .map((conversation) => conversation.goal.goal.specificity_code),
    );
  return Object.fromEntries(
    GOAL_CATEGORY_CODES.map((category) => [category, byCategory(category)]),
  ) as Summary['goals'];
}

/**
 * Share of MOVES_TOWARD_GOAL at each turn number. Each turn is divided by the
 * conversations that reached it, so short conversations do not dilute late turns.
 * Turn 1 is left out: nothing had been recommended yet.
 */
export function progressByTurn(conversations: readonly ConversationRecord[]): TurnProgress[] {
  const tallies = new Map<number, { assessed: number; moves: number }>();
  for (const conversation of conversations) {
    for (const entry of conversation.chat) {
      const assessment = entry.listener.goal_progress_assessment;
      if (entry.turn < 2 || assessment === null) continue;
      const tally = tallies.get(entry.turn) ?? { assessed: 0, moves: 0 };
      tally.assessed += 1;
      if (assessment === 'MOVES_TOWARD_GOAL') tally.moves += 1;
      tallies.set(entry.turn, tally);
    }
  }
  return [...tallies.entries()]
    .sort(([left], [right]) => left - right)
    .map(([turn, tally]) => ({
      turn,
      assessed: tally.assessed,
      moves_toward_goal: tally.moves,
      share: round(tally.moves / tally.assessed, 4),
    }));
}
