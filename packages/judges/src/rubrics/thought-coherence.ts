import { describeTrack } from '@tp2dg/agents';
import { trackOf } from './conversation-text.js';
import type { TurnRubric } from './rubric.js';

/** Whether each speaker's message (and the pick) follows from its thought. Sees one turn's thoughts, messages and track line. */
export const thoughtCoherence: TurnRubric = {
  name: 'thought_coherence',
  scope: 'turn',
  template: 'judge-thought-coherence',
  turns: ({ chat }) => chat,
  parts(conversation, turn, templates) {
    const { listener, recsys } = turn;
    const text = templates.render('judge-thought-coherence', {
      turn: String(turn.turn),
      listener_thought: listener.thought,
      listener_message: listener.message,
      track: describeTrack(trackOf(conversation, turn), 'recommended'),
      recsys_thought: recsys.thought,
      recsys_message: recsys.message,
    });
    return [{ kind: 'text', text }];
  },
};
