import { describe, expect, it } from 'vitest';
import { ConversationGoalSchema, targetTurnRange } from './goal.js';

describe('targetTurnRange', () => {
  it("should give the paper's range for each specificity in an 8-turn conversation", () => {
    expect(targetTurnRange('HH', 8)).toEqual([1, 2]);
    expect(targetTurnRange('HL', 8)).toEqual([3, 4]);
    expect(targetTurnRange('LL', 8)).toEqual([3, 7]);
    expect(targetTurnRange('LH', 8)).toEqual([6, 8]);
  });

  it('should cap the range by a shorter conversation, down to its last turn', () => {
    expect(targetTurnRange('LL', 5)).toEqual([3, 5]);
    expect(targetTurnRange('LH', 4)).toEqual([4, 4]);
    expect(targetTurnRange('HL', 1)).toEqual([1, 1]);
    expect(targetTurnRange('HH', 20)).toEqual([1, 2]);
  });
});

describe('ConversationGoalSchema', () => {
  const goal = {
    category_code: 'G',
    specificity_code: 'LL',
    listener_goal: 'Calm music for a rainy evening.',
    listener_expertise: 'low',
    initial_query_examples: ['a', 'b'],
    iteration_query_examples: ['c', 'd'],
    achieved_query_examples: ['e', 'f'],
    target_turn_count: 3,
  };

  it("should keep the category's name, and read goals saved before it was kept", () => {
    expect(ConversationGoalSchema.parse({ ...goal, category: 'Mood and emotion' }).category).toBe(
      'Mood and emotion',
    );
    expect(ConversationGoalSchema.parse(goal).category).toBeUndefined();
  });
});
