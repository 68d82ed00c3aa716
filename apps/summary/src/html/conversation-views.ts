import type { EvalFile, ListenerProfile } from '@tp2dg/entities';
import { type ConversationRecord, isSimulated } from '../collect.js';
import type { ConversationView, EvaluationView } from './report-data.js';

/** The profile fields the browser shows, in this order, with their labels. */
const PROFILE_FIELDS: [keyof ListenerProfile, string][] = [
  ['age', 'age'],
  ['age_group', 'age group'],
  ['gender', 'gender'],
  ['country_name', 'country'],
  ['preferred_language', 'language'],
  ['preferred_musical_culture', 'musical culture'],
  ['top_1_artist', 'top artist'],
  ['top_1_genre', 'top genre'],
];

function profileOf(profile: ListenerProfile): [string, string][] {
  return PROFILE_FIELDS.flatMap(([field, label]) => {
    const value = profile[field];
    return value === null || value === undefined || typeof value === 'object' ? [] : [[label, String(value)]];
  });
}

/** The judge and its judgements with their reasons: the means are in the summary's judge charts. */
function evaluationOf(evaluation: EvalFile | null): EvaluationView | null {
  if (evaluation === null) return null;
  return {
    provider: evaluation.judge.provider,
    model: evaluation.judge.model,
    simulated: evaluation.simulated,
    judgements: evaluation.judgements.map(({ rubric, turn, score, rationale }) => ({
      rubric,
      turn,
      score,
      rationale,
    })),
  };
}

/**
 * What the browser shows of one conversation: its chat turn by turn, and of its session the
 * goal and the listener. Text is copied as it is: the page writes it with `textContent`.
 */
export function conversationView(
  conversation: ConversationRecord,
  mediaKeyOf: (conversation: ConversationRecord, trackId: string) => string | null,
): ConversationView {
  const { session, goal, chat } = conversation;
  return {
    folder: conversation.folder,
    session_id: session.session_id,
    user_id: session.user_id,
    session_date: session.session_date,
    provider: session.provenance.provider,
    model: session.provenance.model,
    simulated: isSimulated(conversation),
    ended_early: session.ended_early,
    profile: profileOf(session.profile),
    goal: {
      category_code: goal.goal.category_code,
      category: goal.goal.category ?? null,
      specificity_code: goal.goal.specificity_code,
      listener_goal: goal.goal.listener_goal,
      target_turn_count: goal.goal.target_turn_count,
    },
    turns: chat.map(({ turn, listener, recsys }) => ({
      turn,
      listener: {
        message: listener.message,
        thought: listener.thought,
        goal_progress_assessment: listener.goal_progress_assessment,
        response_code: listener.response_code,
      },
      recsys: {
        message: recsys.message,
        thought: recsys.thought,
        response_code: recsys.response_code,
        track:
          recsys.track === null
            ? null
            : {
                track_id: recsys.track.track_id,
                title: recsys.track.title,
                artist: recsys.track.artist,
                album: recsys.track.album ?? null,
                tags: recsys.track.tags,
                media_key: mediaKeyOf(conversation, recsys.track.track_id),
              },
      },
    })),
    evaluation: evaluationOf(conversation.evaluation),
  };
}
