import type { CallRecord, GoalTemplate, Session } from '@tp2dg/entities';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';
import { describe, expect, it } from 'vitest';
import { chooseGoal } from './goal-agent.js';
import { scriptedModel } from './testing/scripted-model.js';

const session: Session = {
  session_id: 's1',
  user: {
    user_id: 'u1',
    age: null,
    age_group: null,
    gender: null,
    country: null,
    country_name: null,
    preferred_language: null,
  },
  profiling_tracks: [{ track_id: 'l1', title: 'Liked', artist: 'A', tags: [] }],
  pool_tracks: [1, 2, 3, 4, 5].map((index) => ({
    track_id: `p${index}`,
    title: `Song ${index}`,
    artist: 'B',
    tags: ['calm'],
  })),
};

/** A goal reply choosing `template` with the given target turn. */
function goalReply(template: GoalTemplate, target: number): string {
  const list = (items: readonly string[]) => items.map((item) => `  - "${item}"`).join('\n');
  return [
    `category_code: ${template.category_code}`,
    `specificity_code: ${template.specificity_code}`,
    `listener_goal: "${template.listener_goal}"`,
    `listener_expertise: ${template.listener_expertise}`,
    `initial_query_examples:\n${list(template.initial_query_examples)}`,
    `iteration_query_examples:\n${list(template.iteration_query_examples)}`,
    `achieved_query_examples:\n${list(template.achieved_query_examples)}`,
    `target_turn_count: ${target}`,
  ].join('\n');
}

async function choose(candidates: GoalTemplate[], replies: string[], turnCount = 8) {
  const model = scriptedModel(replies);
  const calls: CallRecord[] = [];
  const context = {
    sessionId: 's1',
    model,
    prompts: await loadPromptSet(),
    responseFormat: 'yaml' as const,
    maxReasks: 2,
    maxBlockedRetries: 2,
    onCall: (call: CallRecord) => calls.push(call),
    now: () => 0,
  };
  const goal = await chooseGoal(context, { session, candidates, turnCount, language: 'French' });
  return { goal, calls, model };
}

async function candidatesOf(...codes: string[]): Promise<GoalTemplate[]> {
  const catalog = await loadGoalCatalog();
  return codes.map(
    (code) =>
      catalog.find(
        (template) => `${template.category_code}-${template.specificity_code}` === code,
      ) as GoalTemplate,
  );
}

describe('chooseGoal', () => {
  it("should re-ask a target turn outside its specificity's range, and keep the category's name", async () => {
    const [exact, loose, vague] = await candidatesOf('A-HH', 'G-LH', 'K-LL');
    const { goal, calls } = await choose(
      [exact as GoalTemplate, loose as GoalTemplate, vague as GoalTemplate],
      [
        goalReply(exact as GoalTemplate, 5),
        goalReply(loose as GoalTemplate, 3),
        goalReply(loose as GoalTemplate, 7),
      ],
    );
    expect(calls.map((call) => call.response_code)).toEqual(['PARSE_ERROR', 'PARSE_ERROR', 'SUCCESS']);
    expect(calls[0]?.problem).toBe(
      'target_turn_count must be from 1 to 2 for specificity HH in a chat of 8 turns (got 5)',
    );
    expect(calls[1]?.problem).toContain('from 6 to 8 for specificity LH');
    expect(goal).toMatchObject({ category_code: 'G', category: loose?.category, target_turn_count: 7 });
  });

  it('should cap the range by the turn count', async () => {
    const [loose] = await candidatesOf('G-LH');
    const { calls } = await choose(
      [loose as GoalTemplate],
      [goalReply(loose as GoalTemplate, 3), goalReply(loose as GoalTemplate, 4)],
      4,
    );
    expect(calls[0]?.problem).toBe(
      'target_turn_count must be 4 for specificity LH in a chat of 4 turns (got 3)',
    );
    expect(calls[1]?.response_code).toBe('SUCCESS');
  });

  it("should give each candidate's specificity in words and its target turns, and ask for the chat's language", async () => {
    const [exact, vague] = await candidatesOf('A-HH', 'K-LL');
    const { model } = await choose(
      [exact as GoalTemplate, vague as GoalTemplate],
      [goalReply(exact as GoalTemplate, 1)],
      5,
    );
    const prompt = model.requests[0]?.messages[0]?.parts[0];
    const text = prompt?.kind === 'text' ? prompt.text : '';
    expect(text).toContain(
      'specificity HH (a precise request for one particular track), target turns 1 to 2',
    );
    expect(text).toContain(
      'specificity LL (a loose request that many tracks could answer), target turns 3 to 5',
    );
    expect(text).toContain('the second is how narrow the target is');
    expect(text).toContain('every example message in French');
  });
});
