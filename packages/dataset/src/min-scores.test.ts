import { type EvalFile, RUBRIC_NAMES, type RubricScores } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { describeMinScores, reachesMinScores } from './min-scores.js';

const scored = (scores: Partial<RubricScores>) =>
  ({
    scores: { ...Object.fromEntries(RUBRIC_NAMES.map((rubric) => [rubric, null])), ...scores },
  }) as EvalFile;

describe('reachesMinScores', () => {
  it('should hold every rubric given to its minimum, the mean of a rubric counting as its score', () => {
    const evaluation = scored({ goal_fit: 3, recsys_accuracy: 2.5 });
    expect(reachesMinScores(evaluation, { goal_fit: 3 })).toBe(true);
    expect(reachesMinScores(evaluation, { goal_fit: 3, recsys_accuracy: 2.5 })).toBe(true);
    expect(reachesMinScores(evaluation, { goal_fit: 3, recsys_accuracy: 3 })).toBe(false);
  });

  it('should not let a rubric without a score pass a minimum', () => {
    expect(reachesMinScores(scored({ goal_fit: 4 }), { progress_label: 1 })).toBe(false);
  });

  it('should state the minimums as the card gives them', () => {
    expect(describeMinScores({ goal_fit: 3, recsys_accuracy: 2.5 })).toBe(
      'goal_fit >= 3, recsys_accuracy >= 2.5',
    );
  });
});
