import type { CallRecord, Track } from '@tp2dg/entities';
import { loadPromptSet, type PromptSet } from '@tp2dg/prompts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentContext } from './agent-context.js';
import { AgentReplyError } from './agent-reply-error.js';
import { RecsysAgent } from './recsys-agent.js';
import { type ScriptedReply, scriptedModel } from './testing/scripted-model.js';

const track = (id: string, tags: string[]): Track => ({
  track_id: id,
  title: `Song ${id}`,
  artist: 'Artist',
  tags,
});
const pool = [track('p1', ['jazz']), track('p2', ['rock']), track('p3', ['folk'])];
const profile = {
  user_id: 'u1',
  age: null,
  age_group: '25-34',
  gender: 'female',
  country: 'DE',
  country_name: null,
  preferred_language: 'German',
  preferred_musical_culture: 'Berlin club scene',
  top_1_artist: 'Artist',
  top_1_genre: 'techno',
};
const reply = (id: string) => `thought: fits the ask.\ntrack_id: ${id}\nmessage: Here is ${id}.`;

let prompts: PromptSet;
beforeAll(async () => {
  prompts = await loadPromptSet();
});

async function primedRecsys(replies: ScriptedReply[], maxBlockedRetries = 2) {
  const model = scriptedModel(['Ready.', ...replies]);
  const calls: CallRecord[] = [];
  const context: AgentContext = {
    sessionId: 's1',
    model,
    prompts,
    responseFormat: 'yaml',
    maxReasks: 2,
    maxBlockedRetries,
    onCall: (call) => calls.push(call),
    now: () => 0,
  };
  const recsys = new RecsysAgent(context, { profile, pool, language: 'Spanish' });
  await recsys.prime();
  return { recsys, model, calls };
}

describe('RecsysAgent', () => {
  it('should re-ask with the problem when the track id is not in the pool, then accept a valid one', async () => {
    const { recsys, model, calls } = await primedRecsys([reply('zz9'), reply('p2')]);
    const turn = await recsys.recommend(1, 'something loud');
    expect(turn.track?.track_id).toBe('p2');
    expect(turn.response_code).toBe('SUCCESS');
    expect(calls.map((call) => [call.template, call.attempt, call.response_code])).toEqual([
      ['recsys-priming', 1, 'SUCCESS'],
      ['recsys-turn', 1, 'NO_TRACK_FOUND'],
      ['reask', 2, 'SUCCESS'],
    ]);
    const reask = model.requests[2]?.messages.at(-1)?.parts[0];
    expect(reask?.kind === 'text' && reask.text).toContain('"zz9" is not in the pool');
  });

  it('should re-ask when a track was already recommended, never accept it, and fail the turn with DUPLICATE_TRACK', async () => {
    const { recsys, calls } = await primedRecsys([reply('p1'), reply('p1'), reply('p1'), reply('p1')]);
    expect((await recsys.recommend(1, 'jazz please')).track?.track_id).toBe('p1');
    const second = recsys.recommend(2, 'more');
    await expect(second).rejects.toThrow(AgentReplyError);
    await expect(second).rejects.toMatchObject({
      code: 'AGENT_REPLY',
      responseCode: 'DUPLICATE_TRACK',
      callSite: { agent: 'recsys', turn: 2 },
      message: expect.stringContaining('recsys agent gave no usable reply at turn 2 in 3 attempt(s)'),
    });
    expect(calls.slice(2).map((call) => call.response_code)).toEqual([
      'DUPLICATE_TRACK',
      'DUPLICATE_TRACK',
      'DUPLICATE_TRACK',
    ]);
    expect(recsys.remainingPool().map((candidate) => candidate.track_id)).toEqual(['p2', 'p3']);
  });

  it('should stop after the bounded re-asks and record the parse error of each attempt', async () => {
    const { recsys, calls } = await primedRecsys(['I think p1 is nice', 'p1!', 'still prose', reply('p1')]);
    await expect(recsys.recommend(1, 'anything')).rejects.toMatchObject({ responseCode: 'PARSE_ERROR' });
    expect(calls.slice(1).map((call) => [call.attempt, call.response_code])).toEqual([
      [1, 'PARSE_ERROR'],
      [2, 'PARSE_ERROR'],
      [3, 'PARSE_ERROR'],
    ]);
    expect(calls[1]?.problem).toBeTruthy();
  });

  it('should send the same request again after an empty reply, never an empty model turn', async () => {
    const { recsys, model, calls } = await primedRecsys(['', reply('p2')]);
    const turn = await recsys.recommend(1, 'anything');
    expect(turn.track?.track_id).toBe('p2');
    expect(calls.slice(1).map((call) => [call.template, call.response_code])).toEqual([
      ['recsys-turn', 'EMPTY_RESPONSE'],
      ['resend', 'SUCCESS'],
    ]);
    expect(model.requests[2]?.messages).toEqual(model.requests[1]?.messages);
    const parts = model.requests.flatMap((request) => request.messages.flatMap((message) => message.parts));
    expect(parts.filter((part) => part.kind === 'text' && part.text === '')).toEqual([]);
  });

  it('should resend a blocked request unchanged, apart from the re-asks, and keep blocks out of the history', async () => {
    const { recsys, model, calls } = await primedRecsys([
      { text: '', finishReason: 'content-filter', providerMetadata: { blockReason: 'OTHER' } },
      'prose without fields',
      { text: 'track_id: p', finishReason: 'content-filter' },
      'more prose',
      reply('p1'),
    ]);
    const turn = await recsys.recommend(1, 'anything');
    expect(turn.track.track_id).toBe('p1');
    // Two blocks and two re-asks: each within its own budget of 2.
    expect(calls.slice(1).map((call) => [call.template, call.attempt, call.response_code])).toEqual([
      ['recsys-turn', 1, 'BLOCKED'],
      ['resend', 2, 'PARSE_ERROR'],
      ['reask', 3, 'BLOCKED'],
      ['resend', 4, 'PARSE_ERROR'],
      ['reask', 5, 'SUCCESS'],
    ]);
    expect(calls[1]).toMatchObject({
      finish_reason: 'content-filter',
      provider_metadata: { blockReason: 'OTHER' },
      problem: 'the reply was blocked (blockReason OTHER)',
    });
    expect(calls[3]?.problem).toBe('the reply was blocked (content-filter)');
    const sent = model.requests.slice(1).map((request) => request.messages);
    expect(sent[1]).toEqual(sent[0]);
    expect(sent[3]).toEqual(sent[2]);
    const texts = sent
      .flat()
      .flatMap((message) => message.parts.map((part) => part.kind === 'text' && part.text));
    expect(texts).not.toContain('track_id: p');
  });

  it('should fail the turn with BLOCKED once the blocked resends are spent, whatever re-asks are left', async () => {
    const blocked = { text: '', finishReason: 'content-filter' } as const;
    const { recsys, calls } = await primedRecsys([blocked, blocked, blocked, reply('p1')]);
    await expect(recsys.recommend(1, 'anything')).rejects.toMatchObject({
      responseCode: 'BLOCKED',
      callSite: { agent: 'recsys', turn: 1 },
    });
    expect(calls.slice(1).map((call) => call.template)).toEqual(['recsys-turn', 'resend', 'resend']);
  });

  it('should not resend a blocked request when no blocked resend is allowed', async () => {
    const { recsys, calls } = await primedRecsys(
      [{ text: '', finishReason: 'content-filter' }, reply('p1')],
      0,
    );
    await expect(recsys.recommend(1, 'anything')).rejects.toMatchObject({ responseCode: 'BLOCKED' });
    expect(calls).toHaveLength(2);
  });

  it('should keep the whole exchange, re-asks included, in the next request', async () => {
    const { recsys, model } = await primedRecsys([reply('nope'), reply('p3'), reply('p1')]);
    await recsys.recommend(1, 'folk');
    await recsys.recommend(2, 'jazz');
    const roles = model.requests.at(-1)?.messages.map((message) => message.role);
    expect(roles).toEqual(['user', 'model', 'user', 'model', 'user', 'model', 'user']);
    expect(model.requests.every((request) => request.systemInstruction?.includes('TalkPlay'))).toBe(true);
  });

  it('should ask in every call for its language, and describe the pool by what it carries', async () => {
    const { recsys, model } = await primedRecsys([reply('p1')]);
    await recsys.recommend(1, 'algo de jazz');
    expect(model.requests.every((request) => request.systemInstruction?.includes('Write in Spanish'))).toBe(
      true,
    );
    expect(JSON.stringify(model.requests[1]?.messages.at(-1))).toContain('in Spanish');
    const priming = model.requests[0]?.messages[0]?.parts[0];
    expect(priming?.kind === 'text' && priming.text).toContain(
      'Each comes as a line of text with its track_id, title, artist and tags.',
    );
  });
});
