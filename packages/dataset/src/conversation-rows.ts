import type { TokenUsage, Track } from '@tp2dg/entities';
import type { Row, UserSplit } from './dataset-schema.js';
import { optionalInteger, optionalString, type SessionRecord } from './session-record.js';

/**
 * The published user profile. `age` and `country_name` are read from the saved user when a
 * loader recorded them (later tp2dg versions); absent, they are null, never derived.
 */
export function userProfileRow(record: SessionRecord, userSplit: UserSplit): Row {
  const { user, summary } = record.profiling;
  return {
    age: optionalInteger(record.rawUser.age),
    age_group: user.age_group,
    country_code: user.country,
    country_name: optionalString(record.rawUser.country_name),
    gender: user.gender,
    preferred_language: user.preferred_language,
    preferred_musical_culture: summary.preferred_musical_culture,
    user_id: user.user_id,
    user_split: userSplit,
  };
}

/**
 * A row of `conversations`, in the published shape: per turn the Listener's message, the
 * recommended track id (with the Recsys's reasoning as its thought) and the Recsys's reply.
 * The published `user` and `assistant` entries carry an empty thought; the Listener's own
 * reasoning, which names its hidden goal, is in `conversations_extra`.
 */
export function conversationRow(record: SessionRecord, userSplit: UserSplit): Row {
  const { goal } = record.goal;
  return {
    session_id: record.file.session_id,
    user_id: record.file.user_id,
    session_date: record.sessionDate,
    user_profile: userProfileRow(record, userSplit),
    conversation_goal: {
      category: goal.category_code,
      listener_goal: goal.listener_goal,
      specificity: goal.specificity_code,
    },
    conversations: record.chat.flatMap(({ turn, listener, recsys }) => [
      { role: 'user', content: listener.message, thought: '', turn_number: turn },
      { role: 'music', content: recsys.track?.track_id ?? null, thought: recsys.thought, turn_number: turn },
      { role: 'assistant', content: recsys.message, thought: '', turn_number: turn },
    ]),
    goal_progress_assessments: record.chat.map(({ turn, listener }) => ({
      goal_progress_assessment: listener.goal_progress_assessment,
      turn_number: turn,
    })),
  };
}

/** A row of `conversations_extra`: how tp2dg made the conversation, keyed by `session_id`. */
export function conversationExtraRow(record: SessionRecord, costUsd: number | null): Row {
  const { file, goal, chat } = record;
  return {
    session_id: file.session_id,
    simulated: record.simulated,
    provider: file.provenance.provider,
    model: file.provenance.model,
    prompts_hash: file.provenance.prompts_hash,
    seed: file.provenance.seed,
    response_format: file.provenance.response_format,
    goal_template_codes: file.provenance.goal_template_codes,
    goal_category_name: record.goalCategoryName,
    listener_expertise: goal.goal.listener_expertise,
    target_turn_count: goal.goal.target_turn_count,
    turns_requested: file.turns_requested,
    listener_thoughts: chat.map((turn) => turn.listener.thought),
    initial_query_examples: goal.examples.initial_query_examples,
    iteration_query_examples: goal.examples.iteration_query_examples,
    achieved_query_examples: goal.examples.achieved_query_examples,
    top_1_artist: file.profile.top_1_artist,
    top_1_genre: file.profile.top_1_genre,
    call_count: file.call_count,
    input_tokens: inputTokens(file.usage),
    output_tokens: file.usage.output,
    thinking_tokens: file.usage.thinking,
    cost_usd: costUsd,
    generated_at: file.generated_at ?? null,
    judge_provider: record.evaluation?.judge.provider ?? null,
    judge_model: record.evaluation?.judge.model ?? null,
    judge_rubrics_hash: record.evaluation?.judge.rubrics_hash ?? null,
    judge_scores: record.evaluation?.scores ?? null,
  };
}

/** Every input token, served from a cache or not: what the model read. */
function inputTokens(usage: TokenUsage): number {
  return (
    usage.text_input +
    usage.image_input +
    usage.audio_input +
    usage.cached_text_input +
    usage.cached_image_input +
    usage.cached_audio_input
  );
}

/** A row of `tracks`. Clip length is known only when the corpus's clip can be measured. */
export function trackRow(track: Track, clipSeconds: number | null): Row {
  return {
    track_id: track.track_id,
    track_name: track.title,
    artist_name: track.artist,
    album_name: track.album ?? null,
    tags: track.tags,
    lyrics: track.lyrics ?? null,
    release_date: track.release_date ?? null,
    clip_seconds: clipSeconds,
  };
}
