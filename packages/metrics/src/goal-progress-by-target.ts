import { z } from 'zod';
import { ProportionSchema, proportion } from './statistics.js';

export const GoalProgressByTargetSchema = z.object({
  /** Assessments of recommendations before the target one: MOVES_TOWARD_GOAL out of all. */
  before_target: ProportionSchema,
  /** Assessments of the target recommendation itself. */
  at_target: ProportionSchema,
  /** Assessments of recommendations after it. */
  after_target: ProportionSchema,
});
export type GoalProgressByTarget = z.infer<typeof GoalProgressByTargetSchema>;

/** One Listener assessment: of which recommendation, in a conversation aiming at which one. */
export interface Assessment {
  recommendation: number;
  /** The goal's `target_turn_count`: the recommendation that should meet the goal. */
  target: number;
  movesTowardGoal: boolean;
}

/**
 * The share of MOVES_TOWARD_GOAL among the assessments of recommendations before, at and after
 * the conversation's target: a Listener paced as asked moves toward its goal up to the target.
 */
export function goalProgressByTarget(assessments: readonly Assessment[]): GoalProgressByTarget {
  const share = (selected: readonly Assessment[]) =>
    proportion(selected.filter((assessment) => assessment.movesTowardGoal).length, selected.length);
  return {
    before_target: share(assessments.filter(({ recommendation, target }) => recommendation < target)),
    at_target: share(assessments.filter(({ recommendation, target }) => recommendation === target)),
    after_target: share(assessments.filter(({ recommendation, target }) => recommendation > target)),
  };
}
