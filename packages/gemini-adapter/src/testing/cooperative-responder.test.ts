import { loadPromptFixtures, type PromptFixtures } from '@tp2dg/model-testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCooperativeResponder } from './cooperative-responder.js';
import type {
  EmulatedGenerateBody,
  EmulatedGenerateRequest,
  EmulatedHttpReply,
  EmulatedSuccess,
} from './emulator-types.js';
import { generateBodyOf } from './wire-fixtures.js';
import { agentOf, replyFormatOf, replyKeysOf } from './wire-request.js';
import { poolTrackIdsOf, recommendedTrackIdsOf } from './wire-track-pool.js';

// The replies themselves are tested in @tp2dg/model-testing; here, how the wire body reaches them.

let fixtures: PromptFixtures;
beforeAll(async () => {
  fixtures = await loadPromptFixtures();
});
const recsysTurnBody = (format: 'json' | 'yaml', recommended: readonly string[]) =>
  generateBodyOf(fixtures.recsysTurn(format, recommended));

const model = 'gemini-3.5-flash-lite';
const requestOf = (body: EmulatedGenerateBody, index = 0): EmulatedGenerateRequest => ({
  index,
  model,
  body,
  headers: {},
  receivedAt: 0,
  audioSeconds: {},
});

function answer(body: EmulatedGenerateBody): string | undefined {
  return (createCooperativeResponder().respond(requestOf(body)) as EmulatedSuccess).text;
}

describe('createCooperativeResponder', () => {
  it('should read the keys, the format, the agent and the pool from a generateContent body', () => {
    const body = recsysTurnBody('yaml', ['t006', 't004']);
    expect(replyFormatOf(body)).toBe('yaml');
    expect(replyKeysOf(body)).toEqual(['thought', 'track_id', 'message']);
    expect(agentOf(body)).toBe('recsys');
    expect(agentOf(generateBodyOf(fixtures.goal()))).toBe('goal');
    expect(poolTrackIdsOf(body)).toEqual(['t004', 't005', 't006']);
    expect(recommendedTrackIdsOf(body)).toEqual(['t006', 't004']);
    expect(answer(body)).toContain('track_id: "t005"');
  });

  it('should recommend from the enum of generationConfig.responseJsonSchema and answer a JSON object', () => {
    const reply = JSON.parse(answer(recsysTurnBody('json', ['t006'])) ?? '') as Record<string, unknown>;
    expect(Object.keys(reply)).toEqual(['thought', 'track_id', 'message']);
    expect(reply.track_id).toBe('t005');
  });

  it('should read the system instruction and contents of the cache a request names', () => {
    const turn = recsysTurnBody('yaml', ['t006']);
    const [priming, acknowledgement, ...rest] = turn.contents;
    const cachedContent = {
      name: 'cachedContents/c1',
      systemInstruction: turn.systemInstruction,
      contents: [priming, acknowledgement].filter((content) => content !== undefined),
      tokens: { text: 10, audio: 0, image: 0 },
    };
    const reply = createCooperativeResponder().respond({
      ...requestOf({ contents: rest }),
      cachedContent,
    }) as EmulatedSuccess;
    expect(reply.text).toContain('track_id: "t005"');
  });

  it('should answer 400 naming the gap when a prompt lacks what its agent needs', () => {
    const reply = createCooperativeResponder().respond(
      requestOf(recsysTurnBody('yaml', ['t004', 't005', 't006'])),
    );
    expect((reply as EmulatedHttpReply).status).toBe(400);
    expect(JSON.stringify((reply as EmulatedHttpReply).body)).toContain('no track id to recommend');
  });

  it('should record the usage it reported by request index, and let intercept answer instead', () => {
    const responder = createCooperativeResponder({
      intercept: (request) => (request.index === 1 ? { status: 503 } : undefined),
    });
    const body = recsysTurnBody('yaml', []);
    responder.respond(requestOf(body, 0));
    expect(responder.respond(requestOf(body, 1))).toEqual({ status: 503 });
    expect([...responder.reportedUsage.keys()]).toEqual([0]);
    // Nothing came before it, so the implicit cache served none of it.
    expect(responder.reportedUsage.get(0)?.cached_text_input).toBe(0);
    expect(responder.reportedUsage.get(0)?.text_input).toBeGreaterThan(0);
  });

  it('should serve a repeated prompt from the implicit cache, and bill it all at full price with the cache off', () => {
    const turn = recsysTurnBody('yaml', []);
    // 8,000 characters of history first: 2,000 tokens, past the implicit cache's 1,024.
    const history = { role: 'user', parts: [{ text: 'a'.repeat(8000) }] };
    const body = { ...turn, contents: [history, ...turn.contents] };
    const usageOfRepeat = (responder: ReturnType<typeof createCooperativeResponder>) => {
      for (const index of [0, 1]) responder.respond(requestOf(body, index));
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
