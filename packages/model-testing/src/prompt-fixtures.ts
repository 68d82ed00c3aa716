import {
  describeTrackContents,
  formatList,
  type ResponseFormat,
  trackListParts,
  trackParts,
} from '@tp2dg/agents';
import type { CallLabel, ModelMessage, ModelRequest, Track } from '@tp2dg/entities';
import { loadPromptSet, type PromptName, type PromptSet } from '@tp2dg/prompts';

/**
 * Requests as the agents send them, rendered by @tp2dg/prompts from its built-in templates and
 * listing tracks with the agents' own formatters, so a responder's tests break when the text it
 * reads changes. Text only: an emulator's tests add the media parts they need.
 */
export interface PromptFixtures {
  /** The built-in templates the fixtures are rendered from. */
  readonly prompts: PromptSet;
  /** The Recsys chat at the turn after `recommended` (one recommendation a turn), in `format`. */
  recsysTurn(format: ResponseFormat, recommended: readonly string[]): ModelRequest;
  /** The Recsys chat's priming call, which asks for no keys. */
  recsysPriming(): ModelRequest;
  /** The one-shot Goal call with two candidates, YAML format. */
  goal(): ModelRequest;
  /** The Listener's first turn, after its priming, YAML format. */
  listenerFirstTurn(): ModelRequest;
  /** `request` after `rejected` was answered, with the re-ask the agents send then. */
  withReask(request: ModelRequest, rejected: string): ModelRequest;
}

/** The pool of the Recsys fixtures, in the order its priming lists it. */
export const FIXTURE_POOL: readonly string[] = ['t004', 't005', 't006'];

const track = (id: string): Track => ({ track_id: id, title: `Song ${id}`, artist: 'X', tags: ['calm'] });

const text = (value: string) => ({ kind: 'text' as const, text: value });

const label = (agent: CallLabel['agent'], turn: number | null, template: PromptName): CallLabel => ({
  agent,
  turn,
  template,
  attempt: 1,
});

export async function loadPromptFixtures(): Promise<PromptFixtures> {
  const prompts = await loadPromptSet();

  /** The user message asking for `template`'s reply keys, with the reply-format line of `format`. */
  const asking = (template: PromptName, body: string, format: ResponseFormat): ModelMessage => ({
    role: 'user',
    parts: [
      text(body),
      text(prompts.render(`reply-format-${format}`, { fields: prompts.get(template).reply.join(', ') })),
    ],
  });

  const pool = FIXTURE_POOL.map(track);
  const recsysPrimingMessage: ModelMessage = {
    role: 'user',
    parts: [
      text(
        prompts.render('recsys-priming', {
          profile: 'A listener.',
          pool_size: String(pool.length),
          track_contents: describeTrackContents(pool, 'catalog'),
        }),
      ),
      ...trackListParts(pool, 'catalog'),
    ],
  };
  const recsysSystem = prompts.render('recsys-system', {
    pool_size: String(pool.length),
    language: 'English',
  });

  return {
    prompts,
    recsysPriming: () => ({
      label: label('recsys', 0, 'recsys-priming'),
      systemInstruction: recsysSystem,
      messages: [recsysPrimingMessage],
    }),
    recsysTurn(format, recommended) {
      const turn = prompts.render('recsys-turn', {
        turn: String(recommended.length + 1),
        listener_message: 'Something calm?',
        recommended_track_ids: recommended.length > 0 ? recommended.join(', ') : '(none yet)',
        language: 'English',
      });
      const remaining = FIXTURE_POOL.filter((id) => !recommended.includes(id));
      return {
        label: label('recsys', recommended.length + 1, 'recsys-turn'),
        systemInstruction: recsysSystem,
        messages: [
          recsysPrimingMessage,
          { role: 'model', parts: [text('Got it.')] },
          asking('recsys-turn', turn, format),
        ],
        ...(format === 'json'
          ? {
              responseJsonSchema: {
                type: 'object',
                properties: { thought: {}, track_id: { enum: remaining }, message: {} },
              },
            }
          : {}),
      };
    },
    goal() {
      const candidates = [
        'Candidate 1: category B (Mood), specificity LH (a loose request for one particular track), target turns 6 to 8\nlistener goal: calm',
        'Candidate 2: category D (Era), specificity HH (a precise request for one particular track), target turns 1 to 2\nlistener goal: 80s',
      ].join('\n\n');
      const body = prompts.render('goal', {
        candidate_goals: candidates,
        pool_size: String(pool.length),
        track_contents: describeTrackContents(pool, 'anonymous'),
        turn_count: '8',
        language: 'English',
      });
      return { label: label('goal', null, 'goal'), messages: [asking('goal', body, 'yaml')] };
    },
    listenerFirstTurn() {
      const profiling = [track('t001')];
      const priming = prompts.render('listener-priming', {
        track_count: String(profiling.length),
        track_contents: describeTrackContents(profiling, 'anonymous'),
      });
      const examples = formatList(['Something calm?', 'Warm vocals: please.']);
      const body = prompts.render('listener-first-turn', {
        turn_count: '8',
        initial_query_examples: examples,
        language: 'English',
      });
      return {
        label: label('listener', 1, 'listener-first-turn'),
        systemInstruction: prompts.render('listener-system', {
          language: 'English',
          profile: 'A listener.',
          goal: 'Find calm tracks.',
          category: 'Mood',
          specificity: 'a loose request for one particular track',
          listener_expertise: 'neutral',
          initial_query_examples: examples,
          iteration_query_examples: formatList(['Slower?']),
          achieved_query_examples: formatList(['Perfect.']),
          turn_count: '8',
          target_turn_count: '6',
        }),
        messages: [
          { role: 'user', parts: [text(priming), ...trackParts(profiling[0] as Track, 'anonymous', '1. ')] },
          { role: 'model', parts: [text('Nice.')] },
          asking('listener-first-turn', body, 'yaml'),
        ],
      };
    },
    withReask(request, rejected) {
      const keys = prompts.get(request.label.template as PromptName).reply;
      const reask = prompts.render('reask', {
        problem: 'the reply is not a mapping',
        fields: keys.join(', '),
      });
      return {
        ...request,
        label: { ...request.label, template: 'reask', attempt: request.label.attempt + 1 },
        messages: [
          ...request.messages,
          { role: 'model', parts: [text(rejected)] },
          { role: 'user', parts: [text(reask)] },
        ],
      };
    },
  };
}
