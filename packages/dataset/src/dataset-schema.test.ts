import { describe, expect, it } from 'vitest';
import {
  CONVERSATION_EXTRA_FEATURES,
  CONVERSATION_FEATURES,
  ConversationRowSchema,
} from './dataset-schema.js';
import { huggingFaceFeatures } from './features.js';

/**
 * The features of talkpl-ai/TalkPlayData-2's conversations, field by field, written out here
 * rather than derived, so a change to the schema module shows up as a difference.
 */
const PUBLISHED = [
  { name: 'session_id', dtype: 'string' },
  { name: 'user_id', dtype: 'string' },
  { name: 'session_date', dtype: 'string' },
  {
    name: 'user_profile',
    struct: [
      { name: 'age', dtype: 'int64' },
      { name: 'age_group', dtype: 'string' },
      { name: 'country_code', dtype: 'string' },
      { name: 'country_name', dtype: 'string' },
      { name: 'gender', dtype: 'string' },
      { name: 'preferred_language', dtype: 'string' },
      { name: 'preferred_musical_culture', dtype: 'string' },
      { name: 'user_id', dtype: 'string' },
      { name: 'user_split', dtype: 'string' },
    ],
  },
  {
    name: 'conversation_goal',
    struct: [
      { name: 'category', dtype: 'string' },
      { name: 'listener_goal', dtype: 'string' },
      { name: 'specificity', dtype: 'string' },
    ],
  },
  {
    name: 'conversations',
    list: [
      { name: 'role', dtype: 'string' },
      { name: 'content', dtype: 'string' },
      { name: 'thought', dtype: 'string' },
      { name: 'turn_number', dtype: 'int64' },
    ],
  },
  {
    name: 'goal_progress_assessments',
    list: [
      { name: 'goal_progress_assessment', dtype: 'string' },
      { name: 'turn_number', dtype: 'int64' },
    ],
  },
];

/** A row as the published dataset has it (its first record, shortened). */
const PUBLISHED_ROW = {
  session_id: '53726__2011-12-26',
  user_id: '53726',
  session_date: '2011-12-26',
  user_profile: {
    age: 20,
    age_group: '20s',
    country_code: 'BR',
    country_name: 'Brazil',
    gender: 'female',
    preferred_language: 'English',
    preferred_musical_culture: 'Western Alternative Rock',
    user_id: '53726',
    user_split: 'train_warm',
  },
  conversation_goal: { category: 'H', listener_goal: 'Explore different artists.', specificity: 'LL' },
  conversations: [
    { role: 'user', content: 'Anything intense?', thought: '', turn_number: 1 },
    { role: 'music', content: '1dL3ikJKAKvYi8KQb3rw20', thought: 'Sticking with the mood.', turn_number: 1 },
    { role: 'assistant', content: 'Try this one.', thought: '', turn_number: 1 },
  ],
  goal_progress_assessments: [{ goal_progress_assessment: null, turn_number: 1 }],
};

describe('the conversations config', () => {
  it('should have the published features, in order, with their types', () => {
    expect(huggingFaceFeatures(CONVERSATION_FEATURES)).toEqual(PUBLISHED);
  });

  it('should accept a published row and refuse one with a field the schema does not have', () => {
    expect(ConversationRowSchema.safeParse(PUBLISHED_ROW).success).toBe(true);
    expect(ConversationRowSchema.safeParse({ ...PUBLISHED_ROW, model: 'gemini-2.5-flash' }).success).toBe(
      false,
    );
    expect(ConversationRowSchema.safeParse({ ...PUBLISHED_ROW, session_id: 7 }).success).toBe(false);
  });

  it("should leave tp2dg's own fields to conversations_extra, keyed by session_id", () => {
    const core = Object.keys(CONVERSATION_FEATURES);
    const extra = Object.keys(CONVERSATION_EXTRA_FEATURES);
    expect(extra[0]).toBe('session_id');
    for (const field of ['model', 'provider', 'prompts_hash', 'target_turn_count', 'cost_usd', 'simulated']) {
      expect(core).not.toContain(field);
      expect(extra).toContain(field);
    }
  });
});
