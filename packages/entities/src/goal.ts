import { z } from 'zod';

export const GOAL_CATEGORY_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'] as const;
export const GoalCategoryCodeSchema = z.enum(GOAL_CATEGORY_CODES);
export type GoalCategoryCode = z.infer<typeof GoalCategoryCodeSchema>;

/** Query specificity then target specificity: L(ow) or H(igh). */
export const SPECIFICITY_CODES = ['LL', 'HL', 'LH', 'HH'] as const;
export const SpecificityCodeSchema = z.enum(SPECIFICITY_CODES);
export type SpecificityCode = z.infer<typeof SpecificityCodeSchema>;

export const ExpertiseSchema = z.enum(['low', 'neutral', 'high']);
export type Expertise = z.infer<typeof ExpertiseSchema>;

const queries = z.array(z.string().min(1)).min(2);

/** One entry of the goal catalog, before it is adapted to a pool. */
export const GoalTemplateSchema = z.object({
  category_code: GoalCategoryCodeSchema,
  category: z.string().min(1),
  specificity_code: SpecificityCodeSchema,
  listener_goal: z.string().min(1),
  listener_expertise: ExpertiseSchema,
  initial_query_examples: queries,
  iteration_query_examples: queries,
  achieved_query_examples: queries,
});
export type GoalTemplate = z.infer<typeof GoalTemplateSchema>;

/**
 * The goal the Goal agent adapted to one session's pool: what the Listener pursues. `category`
 * is the name of the chosen template's category, as the published rows give it; absent in
 * files written before it was kept.
 */
export const ConversationGoalSchema = GoalTemplateSchema.extend({
  category: GoalTemplateSchema.shape.category.optional(),
  target_turn_count: z.number().int().min(1),
});
export type ConversationGoal = z.infer<typeof ConversationGoalSchema>;

/** Target conversation length by specificity, as in the paper: exact asks end fast. */
export const TARGET_TURN_RANGES: Readonly<Record<SpecificityCode, readonly [number, number]>> = {
  HH: [1, 2],
  HL: [3, 4],
  LL: [3, 7],
  LH: [6, 8],
};

/**
 * The target turns a goal of this specificity may have in a conversation of `turnCount` turns:
 * the paper's range, capped by the turn count (an LH goal in a 4-turn chat targets turn 4).
 */
export function targetTurnRange(specificity: SpecificityCode, turnCount: number): readonly [number, number] {
  const [low, high] = TARGET_TURN_RANGES[specificity];
  const upper = Math.min(high, turnCount);
  return [Math.min(low, upper), upper];
}
