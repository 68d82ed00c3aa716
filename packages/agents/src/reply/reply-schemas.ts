import {
  ExpertiseSchema,
  GoalCategoryCodeSchema,
  GoalProgressSchema,
  ProfileSummarySchema,
  SpecificityCodeSchema,
} from '@tp2dg/entities';
import { z } from 'zod';

const text = z.string().trim().min(1);
const queries = z.array(text).min(2);

/** What each agent must answer; keys match the `reply` list of its prompt template. */
export const ProfileReplySchema = ProfileSummarySchema;

function buildGoalReplySchema(turnCount: number) {
  return z.object({
    category_code: GoalCategoryCodeSchema,
    specificity_code: SpecificityCodeSchema,
    listener_goal: text,
    listener_expertise: ExpertiseSchema,
    initial_query_examples: queries,
    iteration_query_examples: queries,
    achieved_query_examples: queries,
    target_turn_count: z.coerce.number().int().min(1).max(turnCount),
  });
}

/** Built once per turn count: building a zod schema costs more than the reply it reads. */
const goalReplySchemas = new Map<number, ReturnType<typeof buildGoalReplySchema>>();

export function goalReplySchema(turnCount: number): ReturnType<typeof buildGoalReplySchema> {
  let schema = goalReplySchemas.get(turnCount);
  if (schema === undefined) {
    schema = buildGoalReplySchema(turnCount);
    goalReplySchemas.set(turnCount, schema);
  }
  return schema;
}

export type GoalReply = z.infer<ReturnType<typeof goalReplySchema>>;

export const ListenerFirstReplySchema = z.object({ thought: text, message: text });
export type ListenerFirstReply = z.infer<typeof ListenerFirstReplySchema>;

export const ListenerReactionReplySchema = z.object({
  thought: text,
  goal_progress_assessment: GoalProgressSchema,
  message: text,
});
export type ListenerReactionReply = z.infer<typeof ListenerReactionReplySchema>;

/**
 * `trackIds` narrows `track_id` to the remaining pool in JSON mode, where the schema
 * is sent to the model; in YAML mode any id parses and the agent checks it against the pool.
 */
export function recsysReplySchema(trackIds?: readonly [string, ...string[]]) {
  return z.object({
    thought: text,
    track_id: trackIds === undefined ? z.coerce.string().trim().min(1) : z.enum(trackIds),
    message: text,
  });
}
export type RecsysReply = z.infer<ReturnType<typeof recsysReplySchema>>;
