import { describe, expect, it } from 'vitest';
import { type Judgement, JudgementSchema, rubricScores, summarizeJudgements } from './eval-files.js';

const judgement = (rubric: Judgement['rubric'], turn: number | null, score: number): Judgement => ({
  rubric,
  turn,
  score,
  rationale: 'why',
  attempts: 1,
});

describe('summarizeJudgements', () => {
  it("should give each rubric its judgements' mean and count, null and 0 for a rubric without any", () => {
    const summary = summarizeJudgements([
      judgement('goal_fit', null, 4),
      judgement('progress_label', 2, 1),
      judgement('progress_label', 3, 2),
    ]);
    expect(summary.goal_fit).toEqual({ mean: 4, count: 1 });
    expect(summary.progress_label).toEqual({ mean: 1.5, count: 2 });
    expect(summary.goal_fulfilment).toEqual({ mean: null, count: 0 });
    expect(rubricScores([judgement('thought_coherence', 1, 3)])).toMatchObject({
      thought_coherence: 3,
      goal_fit: null,
    });
  });

  it('should refuse a score off the 1 to 4 scale and a turn 0', () => {
    expect(JudgementSchema.safeParse(judgement('goal_fit', null, 5)).success).toBe(false);
    expect(JudgementSchema.safeParse(judgement('goal_fit', null, 2.5)).success).toBe(false);
    expect(JudgementSchema.safeParse(judgement('recsys_accuracy', 0, 2)).success).toBe(false);
  });
});
