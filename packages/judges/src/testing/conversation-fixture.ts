import { ChatFileSchema, SessionFileSchema, type Track, ZERO_USAGE } from '@tp2dg/entities';
import type { JudgedConversation } from '../judged-conversation.js';

/** A track whose every field names it, with media under `/media`. */
function track(id: string): Track {
  return {
    track_id: id,
    title: `${id}-TITLE`,
    artist: `${id}-ARTIST`,
    album: `${id}-ALBUM`,
    tags: [`${id}-TAG`],
    audio_path: `/media/${id}.wav`,
    image_path: `/media/${id}.png`,
  };
}

const LABELS = [null, 'MOVES_TOWARD_GOAL', 'DOES_NOT_MOVE_TOWARD_GOAL', 'MOVES_TOWARD_GOAL'] as const;

/**
 * A 4-turn conversation in which every piece of text is a marker naming itself (`L3-THOUGHT`:
 * the listener's thought at turn 3, `POOL2-TITLE`, `GOAL-TEXT` ...), so a test can tell from a
 * request's text exactly what its judge was shown. Pool track k is recommended at turn k.
 */
export function conversationFixture(): JudgedConversation {
  const pool = [1, 2, 3, 4, 5].map((index) => track(`POOL${index}`));
  const liked = [1, 2].map((index) => track(`LIKED${index}`));
  const session = SessionFileSchema.parse({
    provider: 'a-provider',
    simulated: false,
    session_id: 'SESSION-ID',
    user_id: 'USER-ID',
    session_date: '2024-05-01',
    provenance: {
      provider: 'a-provider',
      model: 'a-model',
      source: 'reference',
      seed: 42,
      prompts_hash: 'PROMPTS-HASH',
      response_format: 'yaml',
      goal_template_codes: ['AHH'],
    },
    profile: {
      user_id: 'USER-ID',
      age_group: '25-34',
      gender: null,
      country: 'BR',
      preferred_language: 'Portuguese',
      preferred_musical_culture: 'PROFILE-CULTURE',
      top_1_artist: 'PROFILE-ARTIST',
      top_1_genre: 'PROFILE-GENRE',
    },
    goal: {
      category_code: 'A',
      category: 'GOAL-CATEGORY',
      specificity_code: 'LL',
      listener_goal: 'GOAL-TEXT',
      listener_expertise: 'high',
      initial_query_examples: ['GOAL-INITIAL-1', 'GOAL-INITIAL-2'],
      iteration_query_examples: ['GOAL-ITERATION-1', 'GOAL-ITERATION-2'],
      achieved_query_examples: ['GOAL-ACHIEVED-1', 'GOAL-ACHIEVED-2'],
      target_turn_count: 3,
    },
    liked_tracks: liked,
    pool_tracks: pool,
    turns_requested: 4,
    turns_completed: 4,
    ended_early: null,
    call_count: 12,
    usage: ZERO_USAGE,
    duration_ms: 1000,
  });
  const chat = ChatFileSchema.parse(
    LABELS.map((label, index) => {
      const turn = index + 1;
      return {
        provider: 'a-provider',
        simulated: false,
        turn,
        listener: {
          thought: `L${turn}-THOUGHT`,
          goal_progress_assessment: label,
          message: `L${turn}-MESSAGE`,
          response_code: 'SUCCESS',
        },
        recsys: {
          thought: `R${turn}-THOUGHT`,
          message: `R${turn}-MESSAGE`,
          track: pool[index],
          response_code: 'SUCCESS',
        },
      };
    }),
  );
  return { folder: '/runs/USER-ID/SESSION-ID', session, chat };
}
