import { readFileSync } from 'node:fs';
import type { EmulatedGenerateBody } from './emulator-types.js';

/**
 * Test support (not exported): wire bodies built from tp2dg's real prompt templates, read
 * from packages/prompts, so the responder's tests break when the wire text it reads changes.
 */

const templates = new URL('../../../prompts/templates/', import.meta.url);
/** The judges' templates (`tp2dg-eval`), named `judge-*`. */
const judgeTemplates = new URL('../../../judges/templates/', import.meta.url);

function readTemplate(name: string): string {
  return readFileSync(new URL(`${name}.md`, name.startsWith('judge-') ? judgeTemplates : templates), 'utf8');
}

/** The `reply: [a, b]` keys of a template's front matter. */
export function templateReplyKeys(name: string): string[] {
  const listed = /^reply: \[(.*)\]$/m.exec(readTemplate(name))?.[1] ?? '';
  return listed === '' ? [] : listed.split(', ');
}

/** Renders a template the way @tp2dg/prompts does: front matter dropped, `{{name}}` replaced. */
export function renderTemplate(name: string, params: Record<string, string> = {}): string {
  const text = readTemplate(name);
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').trim();
  return body.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => params[key] ?? `{{${key}}}`);
}

export type Format = 'yaml' | 'json';

/** A user message of a prompt that expects `keys`, with the reply-format line of `format`. */
export function userPrompt(text: string, keys: readonly string[], format: Format) {
  const formatLine = renderTemplate(`reply-format-${format}`, { fields: keys.join(', ') });
  return { role: 'user', parts: [{ text }, { text: formatLine }] };
}

const POOL = ['t004', 't005', 't006'];

/** The Recsys chat at `turn`, after priming and the given recommendations (one turn each). */
export function recsysTurnBody(format: Format, recommended: readonly string[]): EmulatedGenerateBody {
  const priming = renderTemplate('recsys-priming', { profile: 'A listener.', pool_size: '3' });
  const poolParts = POOL.map((id, index) => ({ text: `${index + 1}. track_id: ${id} | "Song ${id}" by X` }));
  const keys = templateReplyKeys('recsys-turn');
  const turn = renderTemplate('recsys-turn', {
    turn: String(recommended.length + 1),
    listener_message: 'Something calm?',
    recommended_track_ids: recommended.length > 0 ? recommended.join(', ') : '(none yet)',
    language: 'English',
  });
  const remaining = POOL.filter((id) => !recommended.includes(id));
  return {
    systemInstruction: {
      parts: [{ text: renderTemplate('recsys-system', { pool_size: '3', language: 'English' }) }],
    },
    contents: [
      { role: 'user', parts: [{ text: priming }, ...poolParts] },
      { role: 'model', parts: [{ text: 'Got it.' }] },
      userPrompt(turn, keys, format),
    ],
    ...(format === 'json'
      ? {
          generationConfig: {
            responseMimeType: 'application/json',
            responseJsonSchema: {
              type: 'object',
              properties: { thought: {}, track_id: { enum: remaining }, message: {} },
            },
          },
        }
      : {}),
  };
}

/** The one-shot Goal request with two candidates, YAML format. */
export function goalBody(): EmulatedGenerateBody {
  const candidates = [
    'Candidate 1: category B (Mood), specificity LH (a loose request for one particular track), target turns 6 to 8\nlistener goal: calm',
    'Candidate 2: category D (Era), specificity HH (a precise request for one particular track), target turns 1 to 2\nlistener goal: 80s',
  ].join('\n\n');
  const text = renderTemplate('goal', {
    candidate_goals: candidates,
    pool_size: '3',
    track_contents: 'a line of text with its title and artist',
    turn_count: '8',
    language: 'English',
  });
  return { contents: [userPrompt(text, templateReplyKeys('goal'), 'yaml')] };
}

/** The Listener's first turn, after its priming, YAML format. */
export function firstTurnBody(): EmulatedGenerateBody {
  const priming = renderTemplate('listener-priming', { track_count: '1' });
  const text = renderTemplate('listener-first-turn', {
    turn_count: '8',
    initial_query_examples: '"Something calm?"; "Warm vocals: please."',
    language: 'English',
  });
  return {
    systemInstruction: { parts: [{ text: renderTemplate('listener-system') }] },
    contents: [
      { role: 'user', parts: [{ text: priming }, { text: '1. "Song" by X | tags: calm' }] },
      { role: 'model', parts: [{ text: 'Nice.' }] },
      userPrompt(text, templateReplyKeys('listener-first-turn'), 'yaml'),
    ],
  };
}

/** Appends a rejected reply and the re-ask tp2dg sends after it. */
export function withReask(body: EmulatedGenerateBody, rejected: string, keys: readonly string[]) {
  const reask = renderTemplate('reask', { problem: 'the reply is not a mapping', fields: keys.join(', ') });
  return {
    ...body,
    contents: [
      ...body.contents,
      { role: 'model', parts: [{ text: rejected }] },
      { role: 'user', parts: [{ text: reask }] },
    ],
  };
}

/** A judge's request as `tp2dg-eval` sends it: its system instruction, a rubric, the reply it asks for, the schema. */
export function judgeBody(): EmulatedGenerateBody {
  const rubric = renderTemplate('judge-recsys-accuracy', {
    turn: '2',
    track: '"Song" by X | tags: calm',
    track_contents: 'a line of text with its title, artist and tags',
    recsys_thought: 'Calm, as asked.',
    recsys_message: 'A calm one.',
  });
  return {
    systemInstruction: { parts: [{ text: renderTemplate('judge-system') }] },
    contents: [{ role: 'user', parts: [{ text: rubric }, { text: renderTemplate('judge-reply') }] }],
    generationConfig: {
      responseMimeType: 'application/json',
      responseJsonSchema: {
        type: 'object',
        properties: { score: { type: 'integer', minimum: 1, maximum: 4 }, rationale: { type: 'string' } },
      },
    },
  };
}
