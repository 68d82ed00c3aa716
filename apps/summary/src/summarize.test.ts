import { describe, expect, it } from 'vitest';
import { summarize } from './summarize.js';
import { CALL_USAGE } from './test-fixture-calls.js';
import { buildConversation, buildEvaluation } from './test-fixtures.js';
import { SAMPLE_CONVERSATIONS, SAMPLE_FAILURES } from './test-sample-run.js';

const invalidFile = { file: 'x/chat.json', problem: '0.listener.message: expected string' };
const summary = summarize('run', {
  conversations: SAMPLE_CONVERSATIONS,
  failures: SAMPLE_FAILURES,
  invalid_files: [invalidFile],
});

describe('summarize', () => {
  it('should count conversations by provider and model and flag the simulated ones', () => {
    expect(summary.conversations).toEqual({
      total: 3,
      simulated: 1,
      short: 0,
      by_provider_model: [
        { provider: 'gemini', model: 'gemini-2.5-flash', count: 2 },
        { provider: 'simulated', model: 'simulated-v1', count: 1 },
      ],
    });
  });

  it('should count the conversations kept short apart, within the total', () => {
    const short = buildConversation({
      userId: 'user-8',
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      category: 'A',
      specificity: 'LL',
      assessments: ['MOVES_TOWARD_GOAL'],
      endedEarly: { agent: 'recsys', turn: 3, response_code: 'BLOCKED', kept_short: true },
    });
    const conversations = [...SAMPLE_CONVERSATIONS, short];
    const counted = summarize('run', { conversations, failures: [], invalid_files: [] }).conversations;
    expect(counted).toMatchObject({ total: 4, short: 1 });
  });

  it('should describe turns and model calls per conversation', () => {
    expect(summary.turns_per_conversation).toEqual({ mean: 2.3333, min: 2, max: 3 });
    // 2N + 4 calls per N-turn conversation: 10 + 8 + 8.
    expect(summary.calls_per_conversation).toEqual({ mean: 8.6667, min: 8, max: 10, total: 26 });
  });

  it('should describe the pool sizes of the conversations', () => {
    const pooled = [21, 32, 25].map((poolSize, index) =>
      buildConversation({
        userId: `pooled-${index}`,
        provider: 'gemini',
        model: 'gemini-2.5-flash',
        category: 'A',
        specificity: 'LL',
        assessments: [],
        poolSize,
      }),
    );
    const pools = summarize('run', { conversations: pooled, failures: [], invalid_files: [] });
    expect(pools.pool_size_per_conversation).toEqual({ mean: 26, min: 21, max: 32 });
  });

  it('should count goals by category and specificity with every cell present', () => {
    expect(summary.goals.A).toEqual({ LL: 1, HL: 0, LH: 0, HH: 0 });
    expect(summary.goals.G.HH).toBe(1);
    expect(summary.goals.K.LH).toBe(1);
    expect(Object.keys(summary.goals)).toHaveLength(11);
  });

  it('should give the share of MOVES_TOWARD_GOAL among conversations that reached each turn', () => {
    expect(summary.progress_by_turn).toEqual([
      { turn: 2, assessed: 3, moves_toward_goal: 2, share: 0.6667 },
      { turn: 3, assessed: 1, moves_toward_goal: 0, share: 0 },
    ]);
  });

  it('should count response codes per turn and per call', () => {
    expect(summary.response_codes.turns.listener.SUCCESS).toBe(7);
    expect(summary.response_codes.turns.recsys).toMatchObject({
      SUCCESS: 6,
      NO_TRACK_FOUND: 1,
      PARSE_ERROR: 0,
    });
    expect(summary.response_codes.calls).toMatchObject({ SUCCESS: 25, NO_TRACK_FOUND: 1 });
  });

  it('should sum token usage by agent, simulated calls included', () => {
    // listener: priming + one call per turn = 4 + 3 + 3 calls.
    expect(summary.tokens.by_agent.listener.text_input).toBe(10 * CALL_USAGE.text_input);
    expect(summary.tokens.by_agent.profile.output).toBe(3 * CALL_USAGE.output);
    expect(summary.tokens.total.cached_text_input).toBe(26 * CALL_USAGE.cached_text_input);
  });

  it('should price gemini calls at list prices and leave simulated calls unbilled', () => {
    // $0.00656 per gemini call (see CALL_USAGE: 10,000 x 0.30 + 1,000 x 1.00 + 2,000 x 0.03 + 1,000 x 2.50 per 1M): 18 billed calls, 8 simulated.
    expect(summary.cost.by_agent.profile).toEqual({
      usd: 0.01312,
      priced_calls: 2,
      unpriced_calls: 0,
      simulated_calls: 1,
    });
    expect(summary.cost.by_agent.recsys.usd).toBe(0.04592);
    expect(summary.cost.total).toEqual({
      usd: 0.11808,
      priced_calls: 18,
      unpriced_calls: 0,
      simulated_calls: 8,
    });
    expect(summary.cost.billed_conversations).toBe(2);
    expect(summary.cost.mean_per_billed_conversation_usd).toBe(0.05904);
  });

  it('should count calls to models without a list price as unpriced', () => {
    const unknown = buildConversation({
      userId: 'user-9',
      provider: 'gemini',
      model: 'gemini-9-ultra',
      category: 'C',
      specificity: 'HL',
      assessments: [],
    });
    const cost = summarize('run', { conversations: [unknown], failures: [], invalid_files: [] }).cost;
    expect(cost.total).toEqual({ usd: 0, priced_calls: 0, unpriced_calls: 6, simulated_calls: 0 });
    expect(cost.unpriced_models).toEqual(['gemini-9-ultra']);
    // Nothing priced: no mean of $0 that would pass for the cost.
    expect(cost.mean_per_billed_conversation_usd).toBeNull();
  });

  it('should price each conversation at the list prices of the day it was generated', () => {
    const on = (day: string) =>
      buildConversation({
        userId: `user-${day}`,
        provider: 'gemini',
        model: 'gemini-3.8-flash',
        category: 'C',
        specificity: 'HL',
        assessments: [],
        generatedAt: new Date(`${day}T12:00:00Z`),
      });
    const cost = (day: string) =>
      summarize('run', { conversations: [on(day)], failures: [], invalid_files: [] }).cost.total.usd;
    // 6 calls of CALL_USAGE, each 11,000 x 0.75 + 2,000 x 0.075 + 1,000 x 3.75 = 12,150 per 1M in 2026,
    // and twice that from 2027-01-01.
    expect(cost('2026-12-31')).toBe(0.0729);
    expect(cost('2027-01-01')).toBe(0.1458);
  });

  it('should sum the explicit caches made and stored with the tokens, and price them at the input and storage prices', () => {
    const conversation = buildConversation({
      userId: 'user-cache',
      provider: 'gemini',
      model: 'gemini-3.8-flash',
      category: 'C',
      specificity: 'HL',
      assessments: [],
      generatedAt: new Date('2026-12-31T12:00:00Z'),
    });
    const [priming, ...rest] = conversation.calls;
    if (priming === undefined) throw new Error('a conversation has calls');
    // The call that made a cache of 4,096 tokens (4,000 text, 96 audio) kept 420 s.
    const made = { cache_creation_text_input: 4000, cache_creation_audio_input: 96 };
    const stored = {
      ...priming,
      usage: { ...priming.usage, ...made, cache_storage_token_seconds: 4096 * 420 },
    };
    const counted = summarize('run', {
      conversations: [{ ...conversation, calls: [stored, ...rest] }],
      failures: [],
      invalid_files: [],
    });
    expect(counted.tokens.total).toMatchObject({ ...made, cache_storage_token_seconds: 4096 * 420 });
    // $0.0729 for the 6 calls (above); the creation, 4,096 x $0.75 per 1M; and 4,096 x 420 / 3,600
    // = 477.87 token-hours at $1.00 per 1M.
    const creation = (4096 * 0.75) / 1_000_000;
    const storage = (4096 * 420) / 3600 / 1_000_000;
    expect(counted.cost.total.usd).toBe(Number((0.0729 + creation + storage).toFixed(6)));
    expect(counted.cost.total.usd).toBe(0.07645);
  });

  it('should count failures by stage and code and pass invalid files through', () => {
    expect(summary.failures).toEqual({
      total: 3,
      by_stage_code: [
        { stage: 'generate', code: 'MODEL_TIMEOUT', count: 1 },
        { stage: 'load', code: 'INVALID_INPUT', count: 2 },
      ],
      sessions: SAMPLE_FAILURES,
    });
    expect(summary.invalid_files).toEqual([invalidFile]);
  });
});

describe('summarize judge scores', () => {
  const judged = (userId: string, model: string, scores: [number, number, number]) =>
    buildConversation({
      userId,
      provider: 'gemini',
      model: 'gemini-2.5-flash',
      category: 'A',
      specificity: 'LL',
      assessments: [],
      evaluation: buildEvaluation(model, [
        { rubric: 'goal_fit', turn: null, score: scores[0] },
        { rubric: 'recsys_accuracy', turn: 1, score: scores[1] },
        { rubric: 'recsys_accuracy', turn: 2, score: scores[2] },
      ]),
    });

  it('should give each judge its rubric means over all judgements and counts, never mixing judges', () => {
    const conversations = [
      judged('a', 'gemini-3.5-flash', [4, 3, 2]),
      judged('b', 'gemini-3.5-flash', [3, 4, 4]),
      judged('c', 'simulated', [1, 1, 1]),
      ...SAMPLE_CONVERSATIONS,
    ];
    const scores = summarize('run', { conversations, failures: [], invalid_files: [] }).judge_scores;
    expect(scores.map(({ model, simulated, conversations: count }) => [model, simulated, count])).toEqual([
      ['gemini-3.5-flash', false, 2],
      ['simulated', true, 1],
    ]);
    expect(scores[0]?.rubrics.goal_fit).toEqual({ mean: 3.5, count: 2 });
    expect(scores[0]?.rubrics.recsys_accuracy).toEqual({ mean: 3.25, count: 4 });
    expect(scores[0]?.rubrics.goal_fulfilment).toEqual({ mean: null, count: 0 });
  });

  it('should have no judge scores for a run nobody evaluated', () => {
    expect(summary.judge_scores).toEqual([]);
  });
});
