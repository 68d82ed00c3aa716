import { type ConversationGoal, type GoalTemplate, type Session, targetTurnRange } from '@tp2dg/entities';
import type { AgentContext } from './agent-context.js';
import { askModel } from './ask-model.js';
import { describeSpecificity } from './describe-specificity.js';
import { describeTrackContents } from './describe-track-contents.js';
import { formatList } from './format-list.js';
import { goalTemplateCode } from './goal-candidates.js';
import { type GoalReply, goalReplySchema } from './reply/reply-schemas.js';
import type { ReplyRejection } from './reply/reply-spec.js';
import { trackListParts } from './track-parts.js';

export interface ChooseGoalOptions {
  session: Session;
  candidates: readonly GoalTemplate[];
  turnCount: number;
  /** The language the goal and its example messages are written in (`--language`). */
  language: string;
}

/**
 * The Goal agent picks one candidate and adapts it to the pool. The adapted goal is what
 * the Listener pursues and what is saved (the reference code kept the template: a bug), with
 * the name of its category. A reply naming no offered candidate, or a target turn outside its
 * specificity's range (the paper's, capped by the turn count), is re-asked.
 */
export async function chooseGoal(
  context: AgentContext,
  options: ChooseGoalOptions,
): Promise<ConversationGoal> {
  const { session, candidates, turnCount } = options;
  const prompt = context.prompts.render('goal', {
    candidate_goals: candidates
      .map((template, index) => formatCandidate(template, index, turnCount))
      .join('\n\n'),
    pool_size: String(session.pool_tracks.length),
    track_contents: describeTrackContents(session.pool_tracks, 'anonymous'),
    turn_count: String(turnCount),
    language: options.language,
  });
  const { value } = await askModel(context, {
    agent: 'goal',
    turn: null,
    template: 'goal',
    history: [],
    // The goal agent sees the pool without ids: it plans a goal, it does not recommend.
    parts: [{ kind: 'text', text: prompt }, ...trackListParts(session.pool_tracks, 'anonymous')],
    reply: { schema: goalReplySchema(turnCount), check: (goal) => checkGoal(goal, candidates, turnCount) },
  });
  const chosen = candidates.find((template) => goalTemplateCode(template) === goalTemplateCode(value));
  return { ...value, category: chosen?.category };
}

function checkGoal(
  goal: GoalReply,
  candidates: readonly GoalTemplate[],
  turnCount: number,
): ReplyRejection | undefined {
  const offered = candidates.map(goalTemplateCode);
  if (!offered.includes(goalTemplateCode(goal))) {
    return {
      code: 'PARSE_ERROR',
      problem: `category_code and specificity_code must be one of the candidates: ${offered.join(', ')}`,
    };
  }
  const [low, high] = targetTurnRange(goal.specificity_code, turnCount);
  if (goal.target_turn_count < low || goal.target_turn_count > high) {
    const allowed = low === high ? `${low}` : `from ${low} to ${high}`;
    return {
      code: 'PARSE_ERROR',
      problem: `target_turn_count must be ${allowed} for specificity ${goal.specificity_code} in a chat of ${turnCount} turns (got ${goal.target_turn_count})`,
    };
  }
  return undefined;
}

function formatCandidate(template: GoalTemplate, index: number, turnCount: number): string {
  const [low, high] = targetTurnRange(template.specificity_code, turnCount);
  return [
    `Candidate ${index + 1}: category ${template.category_code} (${template.category}), specificity ${template.specificity_code} (${describeSpecificity(template.specificity_code)}), target turns ${low} to ${high}`,
    `listener goal: ${template.listener_goal}`,
    `listener expertise: ${template.listener_expertise}`,
    `initial query examples: ${formatList(template.initial_query_examples)}`,
    `iteration query examples: ${formatList(template.iteration_query_examples)}`,
    `achieved query examples: ${formatList(template.achieved_query_examples)}`,
  ].join('\n');
}
