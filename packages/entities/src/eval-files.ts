import { z } from 'zod';
import { DataLabelSchema } from './files.js';
import { TokenUsageSchema } from './usage.js';

/** A session folder's judge scores, written by `tp2dg-eval` beside the conversation's files. */
export const EVAL_FILE = 'eval.json';

/** A run directory's judge scores, summed over its session folders by `tp2dg-eval`. */
export const EVAL_SUMMARY_FILE = 'eval-summary.json';

/**
 * What a judge scores a conversation on, each by a rubric of its own (`@tp2dg/judges`). Four
 * score the conversation once (`goal_fit`, `profile_fit`, `listener_realism`, `goal_fulfilment`),
 * the others each turn they apply to.
 */
export const RUBRIC_NAMES = [
  'goal_fit',
  'profile_fit',
  'progress_label',
  'listener_realism',
  'recsys_accuracy',
  'recommendation_relevance',
  'thought_coherence',
  'goal_fulfilment',
] as const;
export const RubricNameSchema = z.enum(RUBRIC_NAMES);
export type RubricName = z.infer<typeof RubricNameSchema>;

/** A judge's score: 1 (fails the rubric) to 4 (fully meets it). */
export const JudgeScoreSchema = z.number().int().min(1).max(4);

/**
 * Who judged, and by which rubrics: scores of the same judge and rubric templates compare, and
 * only those a later run keeps.
 */
export const JudgeSchema = z.object({
  provider: z.string(),
  model: z.string(),
  /** sha256 of the judge templates (each name and body), as `PromptSet.hash` gives it. */
  rubrics_hash: z.string(),
});
export type Judge = z.infer<typeof JudgeSchema>;

/** One score of one rubric: of the whole conversation (`turn` null) or of one turn. */
export const JudgementSchema = z.object({
  rubric: RubricNameSchema,
  turn: z.number().int().min(1).nullable(),
  score: JudgeScoreSchema,
  rationale: z.string(),
  /** Model calls it took: 1, or more when a reply could not be used and the request went again. */
  attempts: z.number().int().min(1),
});
export type Judgement = z.infer<typeof JudgementSchema>;

/** A mean score by rubric; null for a rubric with nothing to judge (no labelled turn, say). */
export const RubricScoresSchema = z.record(RubricNameSchema, z.number().min(1).max(4).nullable());
export type RubricScores = z.infer<typeof RubricScoresSchema>;

/**
 * `eval.json` of a session folder. Its label is the judge's: `simulated` says the scores came
 * from the offline simulated judge and are not a model's judgement, whoever made the conversation.
 */
export const EvalFileSchema = DataLabelSchema.extend({
  session_id: z.string(),
  judge: JudgeSchema,
  evaluated_at: z.iso.datetime(),
  /** Each rubric's mean over its judgements in this conversation. */
  scores: RubricScoresSchema,
  judgements: z.array(JudgementSchema),
  /** Model calls the judgements took, and their usage, those answered from a journal included. */
  call_count: z.number().int().min(0),
  usage: TokenUsageSchema,
});
export type EvalFile = z.infer<typeof EvalFileSchema>;

/** Over a run's judgements of one rubric: their mean score (null without any) and how many there are. */
export const RubricSummarySchema = z.object({
  mean: z.number().min(1).max(4).nullable(),
  count: z.number().int().min(0),
});
export type RubricSummary = z.infer<typeof RubricSummarySchema>;

/** `eval-summary.json` of a run directory: its session folders' `eval.json` taken together. */
export const EvalSummaryFileSchema = DataLabelSchema.extend({
  judge: JudgeSchema,
  updated_at: z.iso.datetime(),
  conversations: z.object({
    /** Session folders with an `eval.json` of this judge. */
    evaluated: z.number().int().min(0),
    /** Session folders without one: failed, held back by the budget, or not reached. */
    unevaluated: z.number().int().min(0),
  }),
  rubrics: z.record(RubricNameSchema, RubricSummarySchema),
  call_count: z.number().int().min(0),
  usage: TokenUsageSchema,
});
export type EvalSummaryFile = z.infer<typeof EvalSummaryFileSchema>;

/** Each rubric's mean score and count over some judgements: of a conversation, a run, or several runs. */
export function summarizeJudgements(judgements: readonly Judgement[]): Record<RubricName, RubricSummary> {
  return Object.fromEntries(
    RUBRIC_NAMES.map((rubric) => {
      const scores = judgements.filter((judgement) => judgement.rubric === rubric).map(({ score }) => score);
      const mean = scores.length === 0 ? null : scores.reduce((sum, score) => sum + score, 0) / scores.length;
      return [rubric, { mean, count: scores.length }];
    }),
  ) as Record<RubricName, RubricSummary>;
}

/** Each rubric's mean score over a conversation's judgements: the `scores` of its `eval.json`. */
export function rubricScores(judgements: readonly Judgement[]): RubricScores {
  const summaries = summarizeJudgements(judgements);
  return Object.fromEntries(RUBRIC_NAMES.map((rubric) => [rubric, summaries[rubric].mean])) as RubricScores;
}
