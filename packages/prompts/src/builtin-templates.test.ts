import { describe, expect, it } from 'vitest';
import { loadPromptSet } from './load-prompt-set.js';
import { PROMPT_NAMES, type PromptName } from './prompt-names.js';

/** The params and reply fields agents rely on: changing one is a breaking change. */
const CONTRACT: Record<PromptName, { params: string[]; reply: string[] }> = {
  profile: {
    params: ['demographics', 'track_count', 'track_contents'],
    reply: ['preferred_musical_culture', 'top_1_artist', 'top_1_genre'],
  },
  goal: {
    params: ['candidate_goals', 'pool_size', 'track_contents', 'turn_count', 'language'],
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
    params: [
      'language',
      'profile',
      'goal',
      'category',
      'specificity',
      'listener_expertise',
      'initial_query_examples',
      'iteration_query_examples',
      'achieved_query_examples',
      'turn_count',
      'target_turn_count',
    ],
    reply: [],
  },
  'listener-priming': { params: ['track_count', 'track_contents'], reply: [] },
  'listener-first-turn': {
    params: ['turn_count', 'initial_query_examples', 'language'],
    reply: ['thought', 'message'],
  },
  'listener-turn-2': {
    params: ['turn_count', 'track', 'track_contents', 'recsys_message', 'target_turn_count', 'language'],
    reply: ['thought', 'goal_progress_assessment', 'message'],
  },
  'listener-turn-n': {
    params: [
      'turn',
      'turn_count',
      'previous_turn',
      'track',
      'track_contents',
      'recsys_message',
      'target_turn_count',
      'language',
    ],
    reply: ['thought', 'goal_progress_assessment', 'message'],
  },
  'recsys-system': { params: ['pool_size', 'language'], reply: [] },
  'recsys-priming': { params: ['profile', 'pool_size', 'track_contents'], reply: [] },
  'recsys-turn': {
    params: ['turn', 'listener_message', 'recommended_track_ids', 'language'],
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

  it('should explain the specificity letters and the turn indices in the goal prompt', async () => {
    const text = (await loadPromptSet()).render('goal', {
      candidate_goals: 'Candidate 1: ...',
      pool_size: '24',
      track_contents: 'a line of text',
      turn_count: '8',
      language: 'English',
    });
    expect(text).toContain('each L (low) or H (high)');
    expect(text).toContain('recommendation k comes in turn k');
    expect(text).toContain('lasts 8 turns');
  });

  it('should name no medium or lyrics in any template: what an agent gets is said from the data sent', async () => {
    const prompts = await loadPromptSet();
    for (const name of PROMPT_NAMES) {
      expect(prompts.get(name).body, name).not.toMatch(
        /lyric|audio|clip|cover|image|artwork|hear|listen to|look at/i,
      );
    }
  });
});
