import { RUBRIC_NAMES } from '@tp2dg/entities';
import type { z } from 'zod';
import { bool, type Features, float64, int64, list, string, struct, zodOfRow } from './features.js';

/**
 * The dataset's configs, each defined once: its zod row schema, its Parquet schema and the
 * card's `features` all derive from these feature lists (see `features.ts`).
 */

/** The published user profile (talkpl-ai/TalkPlayData-2), field by field, in its order. */
const USER_PROFILE = {
  age: int64,
  age_group: string,
  country_code: string,
  country_name: string,
  gender: string,
  preferred_language: string,
  preferred_musical_culture: string,
  user_id: string,
  user_split: string,
} as const satisfies Features;

/**
 * `conversations`: exactly the published schema, so code written for TalkPlayData 2 reads it
 * unchanged. Nothing tp2dg-specific goes here: that is `conversations_extra`.
 */
export const CONVERSATION_FEATURES = {
  session_id: string,
  user_id: string,
  session_date: string,
  user_profile: struct(USER_PROFILE),
  conversation_goal: struct({ category: string, listener_goal: string, specificity: string }),
  // Three entries per turn: `user`, `music` (content: the track id), `assistant`.
  conversations: list(struct({ role: string, content: string, thought: string, turn_number: int64 })),
  goal_progress_assessments: list(struct({ goal_progress_assessment: string, turn_number: int64 })),
} as const satisfies Features;

/**
 * `conversations_extra`: what tp2dg knows of each conversation beyond the published schema,
 * keyed by `session_id`. `simulated` is on every row so that no row taken alone passes
 * simulated text for LLM output.
 */
export const CONVERSATION_EXTRA_FEATURES = {
  session_id: string,
  simulated: bool,
  provider: string,
  model: string,
  prompts_hash: string,
  seed: int64,
  response_format: string,
  goal_template_codes: list(string),
  // The published `category` is the catalog's code (`H`); its name is here when the run kept it.
  goal_category_name: string,
  listener_expertise: string,
  target_turn_count: int64,
  turns_requested: int64,
  // The Listener's reasoning per turn: the published `user` entries leave `thought` empty.
  listener_thoughts: list(string),
  initial_query_examples: list(string),
  iteration_query_examples: list(string),
  achieved_query_examples: list(string),
  top_1_artist: string,
  top_1_genre: string,
  call_count: int64,
  input_tokens: int64,
  output_tokens: int64,
  thinking_tokens: int64,
  cost_usd: float64,
  generated_at: string,
  // The judges' scores (`tp2dg-eval`), null when the conversation was not evaluated: who judged,
  // by which rubric templates, and each rubric's mean over its judgements (1 to 4).
  judge_provider: string,
  judge_model: string,
  judge_rubrics_hash: string,
  judge_scores: struct(Object.fromEntries(RUBRIC_NAMES.map((rubric) => [rubric, float64]))),
} as const satisfies Features;

/** `tracks`: the tracks the split's conversations drew on (profiling and pool), once each. */
export const TRACK_FEATURES = {
  track_id: string,
  track_name: string,
  artist_name: string,
  album_name: string,
  tags: list(string),
  lyrics: string,
  release_date: string,
  clip_seconds: float64,
} as const satisfies Features;

/** `users`: the published user profile, one row per user and split. */
export const USER_FEATURES = USER_PROFILE;

export const CONFIG_FEATURES = {
  conversations: CONVERSATION_FEATURES,
  conversations_extra: CONVERSATION_EXTRA_FEATURES,
  tracks: TRACK_FEATURES,
  users: USER_FEATURES,
} as const;
export type ConfigName = keyof typeof CONFIG_FEATURES;
export const CONFIG_NAMES = Object.keys(CONFIG_FEATURES) as ConfigName[];

export const ConversationRowSchema = zodOfRow(CONVERSATION_FEATURES);
export const ConversationExtraRowSchema = zodOfRow(CONVERSATION_EXTRA_FEATURES);
export const TrackRowSchema = zodOfRow(TRACK_FEATURES);
export const UserRowSchema = zodOfRow(USER_FEATURES);

export type Row = Record<string, unknown>;

export const ROW_SCHEMAS: Record<ConfigName, z.ZodType> = {
  conversations: ConversationRowSchema,
  conversations_extra: ConversationExtraRowSchema,
  tracks: TrackRowSchema,
  users: UserRowSchema,
};

/** Conversation splits, as published. */
export const SPLITS = ['train', 'test'] as const;
export type Split = (typeof SPLITS)[number];

/** User splits, as published: warm test users also have train conversations, cold ones do not. */
export const USER_SPLITS = ['train_warm', 'test_warm', 'test_cold'] as const;
export type UserSplit = (typeof USER_SPLITS)[number];
