import { describe, expect, it } from 'vitest';
import { goalProgressByTarget } from './goal-progress-by-target.js';

const assessment = (recommendation: number, target: number, movesTowardGoal: boolean) => ({
  recommendation,
  target,
  movesTowardGoal,
});

describe('goalProgressByTarget', () => {
  it('should share out MOVES_TOWARD_GOAL before, at and after each conversation’s own target', () => {
    const progress = goalProgressByTarget([
      // A conversation aiming at recommendation 3.
      assessment(1, 3, true),
      assessment(2, 3, false),
      assessment(3, 3, true),
      assessment(4, 3, false),
      assessment(5, 3, false),
      // One aiming at recommendation 1.
      assessment(1, 1, true),
      assessment(2, 1, true),
    ]);
    expect(progress).toEqual({
      before_target: { count: 1, out_of: 2, share: 0.5 },
      at_target: { count: 2, out_of: 2, share: 1 },
      after_target: { count: 1, out_of: 3, share: 0.3333 },
    });
  });
});
