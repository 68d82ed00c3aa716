import { describe, expect, it } from 'vitest';
import { loadPromptSet } from './load-prompt-set.js';
import { PROMPT_NAMES, type PromptName } from './prompt-names.js';

/** The params and reply fields agents rely on: changing one is a breaking change. */
const CONTRACT: Record<PromptName, { params: string[]; reply: string[] }> = {
  profile: {
    params: ['demographics', 'track_count'],
    reply: ['preferred_musical_culture', 'top_1_artist', 'top_1_genre'],
  },
  goal: {
    params: ['candidate_goals', 'pool_size', 'turn_count'],
    reply: [
      'category_code',
      'specificity_code',
      'listener_goal',
      'listener_expertise',
      'initial_query_examples',
      'iteration_query_examples',
      'achieved_query_examples',
      'target_turn_count',
    ],
  },
  'listener-system': {
    params: ['profile', 'goal', 'listener_expertise', 'target_turn_count', 'turn_count'],
    reply: [],
  },
  'listener-priming': { params: ['track_count'], reply: [] },
  'listener-first-turn': { params: ['initial_query_examples'], reply: ['thought', 'message'] },
  'listener-turn-2': {
    params: ['track', 'recsys_message', 'target_turn_count'],
    reply: ['thought', 'goal_progress_assessment', 'message'],
  },
  'listener-turn-n': {
    params: ['turn', 'track', 'recsys_message', 'target_turn_count', 'turn_count'],
    reply: ['thought', 'goal_progress_assessment', 'message'],
  },
  'recsys-system': { params: ['pool_size'], reply: [] },
  'recsys-priming': { params: ['profile', 'pool_size'], reply: [] },
  'recsys-turn': {
    params: ['turn', 'listener_message', 'recommended_track_ids'],
    reply: ['thought', 'track_id', 'message'],
  },
  'reply-format-yaml': { params: ['fields'], reply: [] },
  'reply-format-json': { params: ['fields'], reply: [] },
  reask: { params: ['problem', 'fields'], reply: [] },
};

describe('built-in templates', () => {
  it('should hold exactly the 13 contract templates', () => {
    expect([...PROMPT_NAMES].sort()).toEqual(Object.keys(CONTRACT).sort());
  });

  it.each(PROMPT_NAMES)('should load %s with the contract params and reply fields', async (name) => {
    const template = (await loadPromptSet()).get(name);
    expect(template.name).toBe(name);
    expect(template.params).toEqual(CONTRACT[name].params);
    expect(template.reply).toEqual(CONTRACT[name].reply);
    expect(template.source.endsWith(`templates/${name}.md`)).toBe(true);
    expect(template.description.length).toBeGreaterThan(10);
  });

  it.each(PROMPT_NAMES)('should explain every reply field of %s in its body', async (name) => {
    const template = (await loadPromptSet()).get(name);
    const unexplained = template.reply.filter((field) => !template.body.includes(field));
    expect(unexplained).toEqual([]);
  });

  it('should spell both progress labels exactly in the listener turn templates', async () => {
    const prompts = await loadPromptSet();
    for (const name of ['listener-turn-2', 'listener-turn-n'] as const) {
      expect(prompts.get(name).body).toContain('exactly MOVES_TOWARD_GOAL');
      expect(prompts.get(name).body).toContain('exactly DOES_NOT_MOVE_TOWARD_GOAL');
    }
  });

  it('should render the specificity turn guide into the goal prompt', async () => {
    const text = (await loadPromptSet()).render('goal', {
      candidate_goals: 'A-LL ...',
      pool_size: '24',
      turn_count: '8',
    });
    expect(text).toContain('HH 1-2, HL 3-4, LL 3-7, LH 6-8');
    expect(text).toContain('from 1 to 8');
  });
});
