import { describeTrack, describeTrackContents, trackMediaParts } from '@tp2dg/agents';
import { trackOf } from './conversation-text.js';
import type { TurnRubric } from './rubric.js';

/**
 * Whether what the recommender says of its track is true. Sees the track in full (its data,
 * audio and cover) and the recommender's thought and message; not the listener nor the goal.
 */
export const recsysAccuracy: TurnRubric = {
  name: 'recsys_accuracy',
  scope: 'turn',
  template: 'judge-recsys-accuracy',
  turns: ({ chat }) => chat,
  parts(conversation, turn, templates) {
    const track = trackOf(conversation, turn);
    const text = templates.render('judge-recsys-accuracy', {
      turn: String(turn.turn),
      track: describeTrack(track, 'anonymous'),
      track_contents: describeTrackContents([track], 'anonymous'),
      recsys_thought: turn.recsys.thought,
      recsys_message: turn.recsys.message,
    });
    return [{ kind: 'text', text }, ...trackMediaParts(track)];
  },
};
