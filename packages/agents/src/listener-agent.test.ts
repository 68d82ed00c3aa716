import type { CallRecord, ConversationGoal } from '@tp2dg/entities';
import { loadPromptSet } from '@tp2dg/prompts';
import { describe, expect, it } from 'vitest';
import { ListenerAgent } from './listener-agent.js';
import { scriptedModel } from './testing/scripted-model.js';

const goal: ConversationGoal = {
  category_code: 'G',
  category: 'Mood and emotion',
  specificity_code: 'LL',
  listener_goal: 'Find calm music for a rainy evening.',
  listener_expertise: 'low',
  initial_query_examples: ['Something calm for the rain?', 'Play me something soft.'],
  iteration_query_examples: ['Softer, please.', 'Less drums.'],
  achieved_query_examples: ['Perfect, more like this.', 'That is it.'],
  target_turn_count: 3,
};
const profile = {
  user_id: 'u1',
  age: null,
  age_group: '35-44',
  gender: 'male',
  country: 'JP',
  country_name: null,
  preferred_language: 'Japanese',
  preferred_musical_culture: 'Tokyo city pop',
  top_1_artist: 'A',
  top_1_genre: 'city pop',
};

async function listenerWith(replies: string[], listenerLyrics = false) {
  const model = scriptedModel(['Understood.', ...replies]);
  const calls: CallRecord[] = [];
  const prompts = await loadPromptSet();
  const listener = new ListenerAgent(
    {
      sessionId: 's1',
      model,
      prompts,
      responseFormat: 'yaml',
      maxReasks: 2,
      maxBlockedRetries: 2,
      onCall: (call) => calls.push(call),
      now: () => 0,
    },
    {
      profile,
      goal,
      turnCount: 4,
      profilingTracks: [{ track_id: 'l1', title: 'Liked', artist: 'A', tags: [] }],
      language: 'Portuguese',
      listenerLyrics,
    },
  );
  await listener.prime();
  return { listener, calls, model };
}

describe('ListenerAgent', () => {
  it('should re-ask until the first message copies an initial example word for word', async () => {
    const { listener, calls } = await listenerWith([
      'thought: start\nmessage: Something calm for when it rains?',
      'thought: start\nmessage: "Something calm  for the rain?"',
    ]);
    const turn = await listener.openConversation();
    expect(turn).toMatchObject({
      message: 'Something calm  for the rain?',
      goal_progress_assessment: null,
      response_code: 'SUCCESS',
    });
    expect(calls.map((call) => call.response_code)).toEqual(['SUCCESS', 'PARSE_ERROR', 'SUCCESS']);
    expect(calls[1]?.problem).toContain('word for word');
  });

  it('should read a reaction with its progress assessment and show only title, artist and album', async () => {
    const { listener, model } = await listenerWith([
      'thought: start\nmessage: Play me something soft.',
      'thought: too loud\ngoal_progress_assessment: DOES_NOT_MOVE_TOWARD_GOAL\nmessage: Softer, please.',
    ]);
    await listener.openConversation();
    const recommended = {
      track_id: 'pool-7',
      title: 'Storm',
      artist: 'B',
      album: 'Weather',
      tags: ['secret-tag'],
    };
    const turn = await listener.react(2, recommended, 'Try Storm.');
    expect(turn).toMatchObject({
      goal_progress_assessment: 'DOES_NOT_MOVE_TOWARD_GOAL',
      response_code: 'SUCCESS',
    });
    const lastText = JSON.stringify(model.requests.at(-1)?.messages.at(-1));
    expect(lastText).toContain('Storm');
    expect(lastText).toContain('Weather');
    expect(lastText).not.toContain('pool-7');
    expect(lastText).not.toContain('secret-tag');
  });

  it('should fail its turn with the agent, turn and code of the last refusal when no reaction is usable', async () => {
    const { listener } = await listenerWith([
      'thought: start\nmessage: Play me something soft.',
      'no fields at all',
      'still none',
      'thought: too loud\nmessage: Softer, please.',
    ]);
    await listener.openConversation();
    const track = { track_id: 'pool-7', title: 'Storm', artist: 'B', tags: [] };
    await expect(listener.react(2, track, 'Try Storm.')).rejects.toMatchObject({
      code: 'AGENT_REPLY',
      responseCode: 'PARSE_ERROR',
      callSite: { agent: 'listener', turn: 2 },
    });
  });

  it('should give the whole goal in its system prompt: kind in words, every example, target, language', async () => {
    const { model } = await listenerWith([]);
    const system = model.requests[0]?.systemInstruction ?? '';
    expect(system).toContain('Write in Portuguese');
    expect(system).toContain(goal.listener_goal);
    expect(system).toContain(
      'Kind of goal: Mood and emotion, as a loose request that many tracks could answer.',
    );
    for (const example of [
      ...goal.initial_query_examples,
      ...goal.iteration_query_examples,
      ...goal.achieved_query_examples,
    ])
      expect(system).toContain(`"${example}"`);
    expect(system).toContain(`met by recommendation ${goal.target_turn_count}`);
    expect(system).toContain('in turn k you react to recommendation k-1');
  });

  it('should say which recommendation a turn reacts to, and in which language to answer', async () => {
    const { listener, model } = await listenerWith([
      'thought: start\nmessage: Play me something soft.',
      'thought: ok\ngoal_progress_assessment: MOVES_TOWARD_GOAL\nmessage: Softer, please.',
      'thought: ok\ngoal_progress_assessment: MOVES_TOWARD_GOAL\nmessage: Softer, please.',
    ]);
    await listener.openConversation();
    const track = { track_id: 'pool-7', title: 'Storm', artist: 'B', tags: [] };
    await listener.react(2, track, 'Try Storm.');
    await listener.react(3, track, 'Try Storm again.');
    const [second, third] = model.requests
      .slice(-2)
      .map((request) => JSON.stringify(request.messages.at(-1)));
    expect(second).toContain('In turn 1 the assistant made its first recommendation, recommendation 1');
    expect(third).toContain('Turn 3 of 4. In turn 2 the assistant made recommendation 2');
    for (const prompt of [second, third]) expect(prompt).toContain('in Portuguese');
  });

  it('should mention lyrics to the Listener only when --listener-lyrics sends a track its excerpt', async () => {
    const reactions = [
      'thought: start\nmessage: Play me something soft.',
      'thought: ok\ngoal_progress_assessment: MOVES_TOWARD_GOAL\nmessage: Softer, please.',
    ];
    const sung = { track_id: 'pool-7', title: 'Storm', artist: 'B', tags: [], lyrics: 'Rain on the roof' };
    const reactionTo = async (listenerLyrics: boolean, track: typeof sung | Omit<typeof sung, 'lyrics'>) => {
      const { listener, model } = await listenerWith(reactions, listenerLyrics);
      await listener.openConversation();
      await listener.react(2, track, 'Try Storm.');
      return {
        prompt: JSON.stringify(model.requests.at(-1)?.messages.at(-1)),
        system: model.requests.at(-1)?.systemInstruction ?? '',
      };
    };
    const { lyrics: _lyrics, ...instrumental } = sung;
    const paper = await reactionTo(false, sung);
    expect(paper.prompt).not.toMatch(/lyric/i);
    expect(paper.system).not.toMatch(/lyric/i);
    expect((await reactionTo(true, instrumental)).prompt).not.toMatch(/lyric/i);
    const extended = await reactionTo(true, sung);
    expect(extended.prompt).toContain('lyrics excerpt: \\"Rain on the roof\\"');
    expect(extended.prompt).toContain('title, artist and lyrics excerpt');
  });
});
