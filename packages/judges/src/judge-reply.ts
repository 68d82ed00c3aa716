import { toResponseSchema } from '@tp2dg/agents';
import { JudgeScoreSchema } from '@tp2dg/entities';
import { z } from 'zod';

/** What a judge answers, as JSON: keys match the `reply` list of its templates. */
export const JudgeReplySchema = z.object({
  score: JudgeScoreSchema,
  rationale: z.string().trim().min(1),
});
export type JudgeReply = z.infer<typeof JudgeReplySchema>;

export const JUDGE_REPLY_KEYS = Object.keys(JudgeReplySchema.shape);

/** Sent with every judge call: the service itself holds the reply to a score and a rationale. */
export const JUDGE_REPLY_JSON_SCHEMA = toResponseSchema(JudgeReplySchema);
