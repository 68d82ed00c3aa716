import { formatProfile } from '@tp2dg/agents';
import { describeTurns } from './conversation-text.js';
import type { ConversationRubric } from './rubric.js';

/**
 * Whether the listener reads as a real person of its profile and expertise. Sees the profile,
 * the expertise and the conversation's messages; not the goal, thoughts or progress labels.
 */
export const listenerRealism: ConversationRubric = {
  name: 'listener_realism',
  scope: 'conversation',
  template: 'judge-listener-realism',
  parts(conversation, templates) {
    const { session, chat } = conversation;
    const text = templates.render('judge-listener-realism', {
      profile: formatProfile(session.profile),
      listener_expertise: session.goal.listener_expertise,
      dialogue: describeTurns(conversation, chat),
    });
    return [{ kind: 'text', text }];
  },
};
