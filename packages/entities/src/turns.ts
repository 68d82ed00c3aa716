import { z } from 'zod';
import { ResponseCodeSchema } from './response-code.js';
import { TrackSchema } from './track.js';

export const GoalProgressSchema = z.enum(['MOVES_TOWARD_GOAL', 'DOES_NOT_MOVE_TOWARD_GOAL']);
export type GoalProgress = z.infer<typeof GoalProgressSchema>;

/** Turn 1 has no progress assessment: nothing has been recommended yet. */
export const ListenerTurnSchema = z.object({
  thought: z.string(),
  goal_progress_assessment: GoalProgressSchema.nullable(),
  message: z.string(),
  response_code: ResponseCodeSchema,
});
export type ListenerTurn = z.infer<typeof ListenerTurnSchema>;

/** `track` is null when no valid track could be obtained; `response_code` says why. */
export const RecsysTurnSchema = z.object({
  thought: z.string(),
  message: z.string(),
  track: TrackSchema.nullable(),
  response_code: ResponseCodeSchema,
});
export type RecsysTurn = z.infer<typeof RecsysTurnSchema>;

export const ConversationTurnSchema = z.object({
  turn: z.number().int().min(1),
  listener: ListenerTurnSchema,
  recsys: RecsysTurnSchema,
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;
