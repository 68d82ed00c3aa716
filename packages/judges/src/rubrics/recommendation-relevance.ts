import { describeTrack, describeTrackContents, trackMediaParts } from '@tp2dg/agents';
import { describeTurns, trackOf, turnsBefore } from './conversation-text.js';
import type { TurnRubric } from './rubric.js';

/**
 * Whether a turn's track answers that turn's listener message. Sees the conversation before,
 * the message and the track in full; not the recommender's thought or message (which argue for
 * the pick), the goal, nor the listener's reaction in the next turn.
 */
export const recommendationRelevance: TurnRubric = {
  name: 'recommendation_relevance',
  scope: 'turn',
  template: 'judge-recommendation-relevance',
  turns: ({ chat }) => chat,
  parts(conversation, turn, templates) {
    const track = trackOf(conversation, turn);
    const text = templates.render('judge-recommendation-relevance', {
      turn: String(turn.turn),
      earlier_turns: describeTurns(conversation, turnsBefore(conversation, turn)),
      listener_message: turn.listener.message,
      track: describeTrack(track, 'anonymous'),
      track_contents: describeTrackContents([track], 'anonymous'),
    });
    return [{ kind: 'text', text }, ...trackMediaParts(track)];
  },
};
