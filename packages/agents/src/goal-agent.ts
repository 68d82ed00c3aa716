import type { ConversationGoal, GoalTemplate, Session } from '@tp2dg/entities';
import type { AgentContext } from './agent-context.js';
import { askModel } from './ask-model.js';
import { formatList } from './format-list.js';
import { goalTemplateCode } from './goal-candidates.js';
import { goalReplySchema } from './reply/reply-schemas.js';
import { trackListParts } from './track-parts.js';

export interface ChooseGoalOptions {
  session: Session;
  candidates: readonly GoalTemplate[];
  turnCount: number;
}

/**
 * The Goal agent picks one candidate and adapts it to the pool. The adapted goal is what
 * the Listener pursues and what is saved (the reference code kept the template: a bug).
 */
export async function chooseGoal(
  context: AgentContext,
  options: ChooseGoalOptions,
): Promise<ConversationGoal> {
  const { session, candidates, turnCount } = options;
  const offered = candidates.map(goalTemplateCode);
  const prompt = context.prompts.render('goal', {
    candidate_goals: candidates.map(formatCandidate).join('\n\n'),
    pool_size: String(session.pool_tracks.length),
    turn_count: String(turnCount),
  });
  const { value } = await askModel(context, {
    agent: 'goal',
    turn: null,
    template: 'goal',
    history: [],
    // The goal agent sees the pool without ids: it plans a goal, it does not recommend.
    parts: [{ kind: 'text', text: prompt }, ...trackListParts(session.pool_tracks, 'anonymous')],
    reply: {
      schema: goalReplySchema(turnCount),
      check: (goal) =>
        offered.includes(goalTemplateCode(goal))
          ? undefined
          : {
              code: 'PARSE_ERROR',
              problem: `category_code and specificity_code must be one of the candidates: ${offered.join(', ')}`,
            },
    },
  });
  return value;
}

function formatCandidate(template: GoalTemplate, index: number): string {
  return [
    `Candidate ${index + 1}: category ${template.category_code} (${template.category}), specificity ${template.specificity_code}`,
    `listener goal: ${template.listener_goal}`,
    `listener expertise: ${template.listener_expertise}`,
    `initial query examples: ${formatList(template.initial_query_examples)}`,
    `iteration query examples: ${formatList(template.iteration_query_examples)}`,
    `achieved query examples: ${formatList(template.achieved_query_examples)}`,
  ].join('\n');
}
