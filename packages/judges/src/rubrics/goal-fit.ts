import { describeTrackContents, trackListParts } from '@tp2dg/agents';
import { goalParams } from './conversation-text.js';
import type { ConversationRubric } from './rubric.js';

/** Whether the goal can be met from its pool. Sees the goal and the pool as the Goal agent did, no conversation. */
export const goalFit: ConversationRubric = {
  name: 'goal_fit',
  scope: 'conversation',
  template: 'judge-goal-fit',
  parts({ session }, templates) {
    const pool = session.pool_tracks;
    const text = templates.render('judge-goal-fit', {
      ...goalParams(session.goal),
      target_turn_count: String(session.goal.target_turn_count),
      turn_count: String(session.turns_requested),
      pool_size: String(pool.length),
      track_contents: describeTrackContents(pool, 'anonymous'),
    });
    return [{ kind: 'text', text }, ...trackListParts(pool, 'anonymous')];
  },
};
