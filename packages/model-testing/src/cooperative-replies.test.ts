import type { ModelRequest } from '@tp2dg/entities';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCooperativeReplier } from './cooperative-replies.js';
import { loadPromptFixtures, type PromptFixtures } from './prompt-fixtures.js';
import { agentOf, replyFormatOf, replyKeysOf } from './prompt-text.js';
import { promptTextOfRequest } from './prompt-text-of-request.js';
import { poolTrackIdsOf, recommendedTrackIdsOf } from './track-pool.js';

let fixtures: PromptFixtures;
beforeAll(async () => {
  fixtures = await loadPromptFixtures();
});

const read = (request: ModelRequest) => promptTextOfRequest(request);
const answer = (request: ModelRequest) => createCooperativeReplier()(read(request));

describe('the prompt readers', () => {
  it('should read the reply keys and format from the YAML reply-format line of the built-in templates', () => {
    const prompt = read(fixtures.recsysTurn('yaml', []));
    expect(replyFormatOf(prompt)).toBe('yaml');
    expect(replyKeysOf(prompt)).toEqual(['thought', 'track_id', 'message']);
    expect(agentOf(prompt)).toBe('recsys');
    expect(agentOf(read(fixtures.goal()))).toBe('goal');
    expect(agentOf(read(fixtures.listenerFirstTurn()))).toBe('listener');
  });

  it('should read the keys of a re-ask, which lists them before "and nothing else"', () => {
    const prompt = read(fixtures.withReask(fixtures.goal(), 'no idea'));
    expect(replyKeysOf(prompt)).toEqual(fixtures.prompts.get('goal').reply);
    expect(agentOf(prompt)).toBe('goal');
  });

  it("should read the pool from the agents' track lines and what the turn prompt lists as recommended", () => {
    const prompt = read(fixtures.recsysTurn('yaml', ['t006', 't004']));
    expect(poolTrackIdsOf(prompt)).toEqual(['t004', 't005', 't006']);
    expect(recommendedTrackIdsOf(prompt)).toEqual(['t006', 't004']);
  });
});

describe('createCooperativeReplier', () => {
  it('should recommend, in YAML, a pool track the turn prompt does not list as recommended', () => {
    expect(answer(fixtures.recsysTurn('yaml', ['t006', 't004']))).toBe(
      [
        'thought: "The listener wants something calm with warm vocals. Of the tracks left in the pool, this one is the calmest."',
        'track_id: "t005"',
        'message: "Here is a calm one with warm vocals for your evening, soft and unhurried."',
      ].join('\n'),
    );
    expect(answer(fixtures.recsysTurn('yaml', []))).toContain('track_id: "t006"');
  });

  it('should recommend from the schema enum in JSON mode and answer a JSON object', () => {
    const reply = JSON.parse(answer(fixtures.recsysTurn('json', ['t006']))) as Record<string, unknown>;
    expect(Object.keys(reply)).toEqual(['thought', 'track_id', 'message']);
    expect(reply.track_id).toBe('t005');
  });

  it('should pick a listed goal candidate, number the goals it writes, and write lists as YAML sequences', () => {
    const reply = createCooperativeReplier();
    const first = reply(read(fixtures.goal()));
    expect(first).toMatch(/^category_code: "B"\nspecificity_code: "LH"\n/);
    expect(first).toContain(
      'initial_query_examples:\n  - "Opening 1: something calm for a quiet night in?"\n',
    );
    expect(first).toMatch(/\ntarget_turn_count: 6$/);
    const again = reply(read(fixtures.withReask(fixtures.goal(), 'no idea')));
    expect(again).toMatch(/^category_code: "B"\n/);
    expect(again).toContain('"Opening 2: ');
  });

  it('should copy an opening example verbatim, quoting its ": " safely', () => {
    expect(answer(fixtures.listenerFirstTurn())).toBe(
      'thought: "The second opening sounds like me: it says what I want tonight the way I would say it."\nmessage: "Warm vocals: please."',
    );
  });

  it('should acknowledge a priming message, which asks for no keys, in plain text', () => {
    const prompt = read(fixtures.recsysPriming());
    expect(replyKeysOf(prompt)).toEqual([]);
    expect(createCooperativeReplier()(prompt)).toBe('Got it, I have the tracks.');
  });

  it('should throw naming the gap when a prompt lacks what its agent needs', () => {
    expect(() => answer(fixtures.recsysTurn('yaml', ['t004', 't005', 't006']))).toThrow(
      'no track id to recommend',
    );
  });
});
