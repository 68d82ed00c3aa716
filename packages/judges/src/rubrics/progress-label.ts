import { describeTrack, describeTrackContents, trackMediaParts } from '@tp2dg/agents';
import {
  describeTurns,
  goalParams,
  listenerView,
  previousTurn,
  trackOf,
  turnsBefore,
} from './conversation-text.js';
import type { TurnRubric } from './rubric.js';

/**
 * Whether a turn's progress label is right. Sees what the listener had when it gave the label:
 * the goal, the conversation before, the recommendation as it reached the listener, and the
 * label; not the listener's thought or message of that turn, which argue for the label, nor
 * anything later.
 */
export const progressLabel: TurnRubric = {
  name: 'progress_label',
  scope: 'turn',
  template: 'judge-progress-label',
  // Turn 1 has no label: nothing was recommended before it.
  turns: ({ chat }) => chat.filter((turn) => turn.listener.goal_progress_assessment !== null),
  parts(conversation, turn, templates) {
    const reactedTo = previousTurn(conversation, turn);
    const track = trackOf(conversation, reactedTo);
    const view = listenerView(conversation);
    const { goal, specificity } = goalParams(conversation.session.goal);
    const text = templates.render('judge-progress-label', {
      goal,
      specificity,
      target_turn_count: String(conversation.session.goal.target_turn_count),
      turn: String(turn.turn),
      previous_turn: String(reactedTo.turn),
      earlier_turns: describeTurns(conversation, turnsBefore(conversation, reactedTo)),
      listener_message: reactedTo.listener.message,
      track: describeTrack(track, view),
      track_contents: describeTrackContents([track], view),
      recsys_message: reactedTo.recsys.message,
      label: String(turn.listener.goal_progress_assessment),
    });
    return [{ kind: 'text', text }, ...trackMediaParts(track)];
  },
};
