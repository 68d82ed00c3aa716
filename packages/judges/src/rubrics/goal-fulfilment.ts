import { describeTrackContents, trackParts } from '@tp2dg/agents';
import { describeTurns, goalParams, listenerView, trackOf } from './conversation-text.js';
import type { ConversationRubric } from './rubric.js';

/**
 * Whether the recommendations met the goal, by the target turn. Sees the goal, the conversation's
 * messages and the recommended tracks as the listener got them; not the listener's thoughts or
 * progress labels, its own verdicts on the question.
 */
export const goalFulfilment: ConversationRubric = {
  name: 'goal_fulfilment',
  scope: 'conversation',
  template: 'judge-goal-fulfilment',
  parts(conversation, templates) {
    const { session, chat } = conversation;
    const view = listenerView(conversation);
    const recommended = chat.map((turn) => ({ turn: turn.turn, track: trackOf(conversation, turn) }));
    const text = templates.render('judge-goal-fulfilment', {
      ...goalParams(session.goal),
      target_turn_count: String(session.goal.target_turn_count),
      turn_count: String(chat.length),
      dialogue: describeTurns(conversation, chat),
      track_contents: describeTrackContents(
        recommended.map(({ track }) => track),
        view,
      ),
    });
    return [
      { kind: 'text', text },
      ...recommended.flatMap(({ turn, track }) => trackParts(track, view, `Recommendation ${turn}: `)),
    ];
  },
};
