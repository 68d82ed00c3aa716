import type { EvalFile, RubricName } from '@tp2dg/entities';

/**
 * `--min-score RUBRIC=N`: the least score a conversation must have by each of these rubrics to
 * be exported, its score being the mean of that rubric's judgements in its `eval.json`.
 */
export type MinScores = Partial<Record<RubricName, number>>;

/** Whether a conversation's scores reach every minimum; a rubric it has no score by does not. */
export function reachesMinScores(evaluation: EvalFile, minScores: MinScores): boolean {
  return Object.entries(minScores).every(([rubric, minimum]) => {
    const score = evaluation.scores[rubric as RubricName];
    return score !== null && score >= (minimum as number);
  });
}

/** `goal_fit >= 3, recsys_accuracy >= 2.5`, as the card states the minimums. */
export function describeMinScores(minScores: MinScores): string {
  return Object.entries(minScores)
    .map(([rubric, minimum]) => `${rubric} >= ${minimum}`)
    .join(', ');
}
