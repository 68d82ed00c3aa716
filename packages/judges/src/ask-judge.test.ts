import { scriptedModel } from '@tp2dg/agents/testing';
import { type TokenUsage, ZERO_USAGE } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { askJudge } from './ask-judge.js';
import { JUDGE_REPLY_JSON_SCHEMA } from './judge-reply.js';
import { JudgeReplyError } from './judge-reply-error.js';
import { createSimulatedJudge, SIMULATED_RATIONALE } from './simulated-judge.js';

const request = {
  rubric: 'recsys_accuracy' as const,
  turn: 2,
  template: 'judge-recsys-accuracy' as const,
  parts: [{ kind: 'text' as const, text: 'the rubric' }],
};

function contextOf(replies: string[]) {
  const model = scriptedModel(replies);
  const usages: TokenUsage[] = [];
  const context = {
    sessionId: 's1',
    model,
    systemInstruction: 'be a judge',
    maxAttempts: 3,
    onCall: (usage: TokenUsage) => usages.push(usage),
  };
  return { context, model, usages };
}

describe('askJudge', () => {
  it('should send the rubric as one judge call with the reply schema, and read the score', async () => {
    const { context, model } = contextOf(['{"score": 3, "rationale": "Mostly right."}']);
    const judgement = await askJudge(context, request);
    expect(judgement).toEqual({
      rubric: 'recsys_accuracy',
      turn: 2,
      score: 3,
      rationale: 'Mostly right.',
      attempts: 1,
    });
    expect(model.requests[0]).toMatchObject({
      label: { agent: 'judge', turn: 2, template: 'judge-recsys-accuracy', attempt: 1 },
      systemInstruction: 'be a judge',
      messages: [{ role: 'user', parts: request.parts }],
      responseJsonSchema: JUDGE_REPLY_JSON_SCHEMA,
    });
  });

  it('should send the same request again, as a new attempt, after a reply it cannot use', async () => {
    const { context, model, usages } = contextOf([
      '{"score": 5, "rationale": "Off the scale."}',
      '',
      '{"score": 2, "rationale": "One false claim."}',
    ]);
    const judgement = await askJudge(context, request);
    expect(judgement).toMatchObject({ score: 2, attempts: 3 });
    expect(model.requests.map((sent) => sent.label.attempt)).toEqual([1, 2, 3]);
    expect(new Set(model.requests.map((sent) => JSON.stringify(sent.messages))).size).toBe(1);
    expect(usages).toEqual([ZERO_USAGE, ZERO_USAGE, ZERO_USAGE]);
  });

  it('should give up after its attempts with a JudgeReplyError naming the rubric, turn and problem', async () => {
    const { context } = contextOf(['no json', 'still none', 'nothing']);
    const error = await askJudge(context, request).catch((caught: unknown) => caught);
    expect(JudgeReplyError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'AGENT_REPLY', turn: 2, rubric: 'recsys_accuracy' });
    expect((error as Error).message).toMatch(
      /^session "s1": the recsys_accuracy judge gave no usable score at turn 2 in 3 attempt\(s\) \(PARSE_ERROR: /,
    );
  });

  it('should name the judgement in a failed model call, keeping its code', async () => {
    const { context } = contextOf([]);
    context.model.generate = () => Promise.reject(new Error('HTTP 503'));
    const error = await askJudge(context, request).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'MODEL_API' });
    expect((error as Error).message).toBe(
      'recsys_accuracy judge, turn 2, attempt 1: model call failed: HTTP 503',
    );
  });
});

describe('createSimulatedJudge', () => {
  it('should answer a valid score, the same for the same request, saying it is simulated', async () => {
    const judge = createSimulatedJudge();
    const sent = {
      label: { agent: 'judge' as const, turn: 2, template: 'judge-recsys-accuracy', attempt: 1 },
      messages: [{ role: 'user' as const, parts: request.parts }],
    };
    const first = await judge.generate(sent);
    const again = await judge.generate({ ...sent, label: { ...sent.label, attempt: 2 } });
    const reply = JSON.parse(first.text);
    expect(reply.score).toBeGreaterThanOrEqual(1);
    expect(reply.score).toBeLessThanOrEqual(4);
    expect(reply.rationale.startsWith(SIMULATED_RATIONALE)).toBe(true);
    expect(again.text).toBe(first.text);
    expect(judge.provider).toBe('simulated');
    expect(first.usage.text_input).toBeGreaterThan(0);
  });
});
