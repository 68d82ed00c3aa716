import { describe, expect, it } from 'vitest';
import { createCooperativeResponder } from './cooperative-responder.js';
import type { EmulatedGenerateBody, EmulatedHttpReply, EmulatedSuccess } from './emulator-types.js';
import {
  firstTurnBody,
  goalBody,
  judgeBody,
  recsysTurnBody,
  renderTemplate,
  templateReplyKeys,
  withReask,
} from './wire-fixtures.js';
import { agentOf, replyFormatOf, replyKeysOf } from './wire-request.js';
import { poolTrackIdsOf, recommendedTrackIdsOf } from './wire-track-pool.js';

function answer(body: EmulatedGenerateBody): string | undefined {
  const reply = createCooperativeResponder().respond({
    index: 0,
    model: 'gemini-3.5-flash-lite',
    body,
    headers: {},
    receivedAt: 0,
    audioSeconds: {},
  });
  return (reply as EmulatedSuccess).text;
}

describe('createCooperativeResponder', () => {
  it('should read the reply keys and format from the YAML reply-format line of the real templates', () => {
    const body = recsysTurnBody('yaml', []);
    expect(replyFormatOf(body)).toBe('yaml');
    expect(replyKeysOf(body)).toEqual(['thought', 'track_id', 'message']);
    expect(agentOf(body)).toBe('recsys');
    expect(agentOf(goalBody())).toBe('goal');
    expect(agentOf(firstTurnBody())).toBe('listener');
  });

  it('should read the keys of a re-ask, which lists them before "and nothing else"', () => {
    const body = withReask(goalBody(), 'no idea', templateReplyKeys('goal'));
    expect(replyKeysOf(body)).toEqual(templateReplyKeys('goal'));
    expect(agentOf(body)).toBe('goal');
  });

  it('should recommend, in YAML, a pool track the turn prompt does not list as recommended', () => {
    const body = recsysTurnBody('yaml', ['t006', 't004']);
    expect(poolTrackIdsOf(body)).toEqual(['t004', 't005', 't006']);
    expect(recommendedTrackIdsOf(body)).toEqual(['t006', 't004']);
    expect(answer(body)).toBe(
      [
        'thought: "The listener wants something calm with warm vocals. Of the tracks left in the pool, this one is the calmest."',
        'track_id: "t005"',
        'message: "Here is a calm one with warm vocals for your evening, soft and unhurried."',
      ].join('\n'),
    );
    expect(answer(recsysTurnBody('yaml', []))).toContain('track_id: "t006"');
  });

  it('should recommend from the schema enum in JSON mode and answer a JSON object', () => {
    const reply = JSON.parse(answer(recsysTurnBody('json', ['t006'])) ?? '') as Record<string, unknown>;
    expect(Object.keys(reply)).toEqual(['thought', 'track_id', 'message']);
    expect(reply.track_id).toBe('t005');
  });

  it('should pick a listed goal candidate and write lists as YAML sequences, also after a re-ask', () => {
    const first = answer(goalBody()) ?? '';
    expect(first).toMatch(/^category_code: "B"\nspecificity_code: "LH"\n/);
    expect(first).toContain(
      'initial_query_examples:\n  - "Opening 1: something calm for a quiet night in?"\n',
    );
    expect(first).toMatch(/\ntarget_turn_count: 6$/);
    const again = answer(withReask(goalBody(), 'no idea', templateReplyKeys('goal')));
    expect(again).toMatch(/^category_code: "B"\n/);
  });

  it('should copy an opening example verbatim, quoting its ": " safely', () => {
    expect(answer(firstTurnBody())).toBe(
      'thought: "The second opening sounds like me: it says what I want tonight the way I would say it."\nmessage: "Warm vocals: please."',
    );
  });

  it("should give a judge's request a JSON score on the 1-4 scale and a rationale", () => {
    const body = judgeBody();
    expect(agentOf(body)).toBe('judge');
    const reply = JSON.parse(answer(body) ?? '') as Record<string, unknown>;
    expect(Object.keys(reply)).toEqual(['score', 'rationale']);
    expect(reply.score).toBe(3);
    expect(String(reply.rationale).length).toBeGreaterThan(10);
  });

  it('should acknowledge a priming message, which asks for no keys, in plain text', () => {
    const priming = renderTemplate('recsys-priming', { profile: 'p', pool_size: '3' });
    const body = { contents: [{ role: 'user', parts: [{ text: priming }] }] };
    expect(replyKeysOf(body)).toEqual([]);
    expect(answer(body)).toBe('Got it, I have the tracks.');
  });

  it('should answer 400 naming the gap when a prompt lacks what its agent needs', () => {
    const body = recsysTurnBody('yaml', ['t004', 't005', 't006']);
    const reply = createCooperativeResponder().respond({
      index: 0,
      model: 'gemini-3.5-flash-lite',
      body,
      headers: {},
      receivedAt: 0,
      audioSeconds: {},
    });
    expect((reply as EmulatedHttpReply).status).toBe(400);
    expect(JSON.stringify((reply as EmulatedHttpReply).body)).toContain('no track id to recommend');
  });

  it('should record the usage it reported by request index, and let intercept answer instead', () => {
    const responder = createCooperativeResponder({
      intercept: (request) => (request.index === 1 ? { status: 503 } : undefined),
    });
    const body = recsysTurnBody('yaml', []);
    const model = 'gemini-3.5-flash-lite';
    responder.respond({ index: 0, model, body, headers: {}, receivedAt: 0, audioSeconds: {} });
    expect(
      responder.respond({ index: 1, model, body, headers: {}, receivedAt: 0, audioSeconds: {} }),
    ).toEqual({
      status: 503,
    });
    expect([...responder.reportedUsage.keys()]).toEqual([0]);
    // Nothing came before it, so the implicit cache served none of it.
    expect(responder.reportedUsage.get(0)?.cached_text_input).toBe(0);
    expect(responder.reportedUsage.get(0)?.text_input).toBeGreaterThan(0);
  });

  it('should serve a repeated prompt from the implicit cache, and bill it all at full price with the cache off', () => {
    const model = 'gemini-3.5-flash-lite';
    const turn = recsysTurnBody('yaml', []);
    // 8,000 characters of history first: 2,000 tokens, past the implicit cache's 1,024.
    const history = { role: 'user', parts: [{ text: 'a'.repeat(8000) }] };
    const body = { ...turn, contents: [history, ...turn.contents] };
    const usageOfRepeat = (responder: ReturnType<typeof createCooperativeResponder>) => {
      for (const index of [0, 1]) {
        responder.respond({ index, model, body, headers: {}, receivedAt: 0, audioSeconds: {} });
      }
      return responder.reportedUsage.get(1);
    };
    const cached = usageOfRepeat(createCooperativeResponder());
    const uncached = usageOfRepeat(createCooperativeResponder({ implicitCache: false }));
    const inputOf = (usage: typeof cached) => (usage?.text_input ?? 0) + (usage?.cached_text_input ?? 0);
    // The same prompt either way: only who serves it differs.
    expect(inputOf(cached)).toBe(inputOf(uncached));
    expect(cached?.cached_text_input).toBeGreaterThanOrEqual(2000);
    expect(uncached?.cached_text_input).toBe(0);
  });
});
