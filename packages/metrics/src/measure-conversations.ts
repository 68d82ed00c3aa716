import { z } from 'zod';
import { AgentMetricsSchema, measureAgent } from './agent-metrics.js';
import type { ConversationInput } from './conversation-input.js';
import { GoalProgressByTargetSchema, goalProgressByTarget } from './goal-progress-by-target.js';
import { RepeatedOpeningsSchema, repeatedOpenings } from './repeated-openings.js';
import { segmentConversation } from './segment-conversation.js';
import { TrackNamingSchema, trackNaming } from './track-naming.js';

/** Every metric of a set of conversations: what `measureConversations` returns. */
export const ConversationMetricsSchema = z.object({
  conversations: z.number().int().min(0),
  listener: AgentMetricsSchema,
  recsys: AgentMetricsSchema,
  repeated_openings: RepeatedOpeningsSchema,
  track_naming: TrackNamingSchema,
  goal_progress_by_target: GoalProgressByTargetSchema,
});
export type ConversationMetrics = z.infer<typeof ConversationMetricsSchema>;

/**
 * The quality metrics of a set of conversations (one run's, for figures that mean something),
 * from their text alone: no model is called. Pure, apart from the language detector's tables.
 */
export function measureConversations(conversations: readonly ConversationInput[]): ConversationMetrics {
  const segmented = conversations.map(segmentConversation);
  return {
    conversations: conversations.length,
    listener: measureAgent(segmented, 'listener'),
    recsys: measureAgent(segmented, 'recsys'),
    repeated_openings: repeatedOpenings(
      segmented.flatMap(({ messages }) => messages.listener.slice(0, 1).map((first) => first.words)),
    ),
    track_naming: trackNaming(segmented.flatMap((conversation) => conversation.recommendations)),
    goal_progress_by_target: goalProgressByTarget(
      segmented.flatMap((conversation) => conversation.assessments),
    ),
  };
}
