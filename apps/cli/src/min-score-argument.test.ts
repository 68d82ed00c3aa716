import { describe, expect, it } from 'vitest';
import { parseMinScores } from './min-score-argument.js';

describe('parseMinScores', () => {
  it('should read each RUBRIC=N into its minimum', () => {
    expect(parseMinScores(['goal_fit=3', 'recsys_accuracy=2.5'])).toEqual({
      goal_fit: 3,
      recsys_accuracy: 2.5,
    });
  });

  it.each([
    ['goal=3', 'name one of the rubrics goal_fit, profile_fit'],
    ['goal_fit', 'the score after = must be between 1 and 4'],
    ['goal_fit=5', 'the score after = must be between 1 and 4'],
    ['goal_fit=high', 'the score after = must be between 1 and 4'],
  ])('should refuse %s, saying what to write', (value, message) => {
    expect(() => parseMinScores([value])).toThrow(message);
  });

  it('should refuse a rubric given twice', () => {
    expect(() => parseMinScores(['goal_fit=3', 'goal_fit=2'])).toThrow('--min-score gives goal_fit twice');
  });
});
