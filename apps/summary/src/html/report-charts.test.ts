import { describe, expect, it } from 'vitest';
import { summarize } from '../summarize.js';
import type { JudgeScores } from '../summary-types.js';
import { buildConversation, buildEvaluation } from '../test-fixtures.js';
import { SAMPLE_CONVERSATIONS, SAMPLE_FAILURES } from '../test-sample-run.js';
import { judgeCharts, reportCharts, runMetricsCharts } from './report-charts.js';

const summary = summarize('run', {
  conversations: SAMPLE_CONVERSATIONS,
  failures: SAMPLE_FAILURES,
  invalid_files: [],
});
const charts = new Map(reportCharts(summary).map((chart) => [chart.id, chart]));

describe('reportCharts', () => {
  it('should chart the goals as the summary counts them, one stacked series per specificity', () => {
    const goals = charts.get('chart-goals');
    expect(goals?.labels).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
    expect(goals?.series.map((series) => series.name)).toEqual(['LL', 'HL', 'LH', 'HH']);
    expect(goals?.series.find((series) => series.name === 'LL')?.values[0]).toBe(summary.goals.A.LL);
    expect(goals?.series.find((series) => series.name === 'LH')?.values[10]).toBe(summary.goals.K.LH);
    expect(goals?.stacked).toBe(true);
  });

  it('should chart the progress shares and the response codes that occur', () => {
    const progress = charts.get('chart-progress');
    expect(progress?.labels).toEqual(summary.progress_by_turn.map((entry) => `turn ${entry.turn}`));
    expect(progress?.series[0]?.values).toEqual(summary.progress_by_turn.map((entry) => entry.share));
    expect(progress?.unit).toBe('share');
    const codes = charts.get('chart-response-codes');
    expect(codes?.labels).toEqual(['SUCCESS', 'NO_TRACK_FOUND']);
    expect(codes?.series.map((series) => series.values)).toEqual([
      [summary.response_codes.turns.listener.SUCCESS, 0],
      [summary.response_codes.turns.recsys.SUCCESS, 1],
      [summary.response_codes.calls.SUCCESS, 1],
    ]);
  });

  it('should chart tokens by agent for the modalities used, and dollars and pool sizes as summarised', () => {
    const tokens = charts.get('chart-tokens');
    expect(tokens?.labels).toEqual(['profile', 'goal', 'listener', 'recsys']);
    expect(tokens?.series.map((series) => series.name)).toEqual([
      'text in',
      'audio in',
      'cached text in',
      'output',
    ]);
    expect(tokens?.series[0]?.values).toEqual(
      (['profile', 'goal', 'listener', 'recsys'] as const).map(
        (agent) => summary.tokens.by_agent[agent].text_input,
      ),
    );
    expect(charts.get('chart-cost')?.series[0]?.values).toEqual([
      summary.cost.by_agent.profile.usd,
      summary.cost.by_agent.goal.usd,
      summary.cost.by_agent.listener.usd,
      summary.cost.by_agent.recsys.usd,
    ]);
    const pool = summary.pool_size_per_conversation;
    expect(charts.get('chart-pool')?.series[0]?.values).toEqual([pool.min, pool.mean, pool.max]);
  });
});

/** The sample run with two judges, one of them simulated, as `tp2dg-eval` would leave it. */
function judgeScores(): JudgeScores[] {
  const judged = (userId: string, model: string, scores: [number, number]) =>
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
      ]),
    });
  const conversations = [
    judged('a', 'gemini-3.5-flash', [4, 3]),
    judged('b', 'gemini-3.5-flash', [3, 3]),
    judged('c', 'simulated', [1, 2]),
    ...SAMPLE_CONVERSATIONS,
  ];
  return summarize('run', { conversations, failures: [], invalid_files: [] }).judge_scores;
}

describe('judgeCharts', () => {
  it('should chart each judge apart, every rubric in place with its count, and no bar without judgements', () => {
    const judges = judgeScores();
    const [real, simulated] = judgeCharts(judges);
    expect(real?.id).toBe('chart-judge-0');
    expect(real?.title).toBe('Judge gemini / gemini-3.5-flash');
    expect(real?.unit).toBe('score');
    expect(real?.labels[0]).toBe('goal_fit (n=2)');
    expect(real?.labels[1]).toBe('profile_fit (n=0)');
    expect(real?.series[0]?.values.slice(0, 5)).toEqual([3.5, null, null, null, 3]);
    expect(real?.caption).not.toContain('Simulated judge');
    expect(simulated?.title).toBe('Judge simulated / simulated (simulated)');
    expect(simulated?.caption).toContain("Simulated judge: its scores are not a model's judgement.");
    expect(simulated?.series[0]?.values[0]).toBe(judges[1]?.rubrics.goal_fit.mean);
  });

  it('should make no chart when no conversation was evaluated', () => {
    expect(summary.judge_scores).toEqual([]);
    expect(judgeCharts(summary.judge_scores)).toEqual([]);
  });
});

describe('runMetricsCharts', () => {
  it("should chart a run's distinct-n per agent and its progress against the target, nothing measured left blank", () => {
    const [run] = summary.metrics;
    if (run === undefined) throw new Error('the sample run has metrics');
    const [distinct, progress] = runMetricsCharts(run, 0);
    expect(distinct?.id).toBe('chart-metrics-0-distinct');
    expect(distinct?.labels).toEqual(['listener', 'recsys']);
    expect(distinct?.series).toEqual([
      { name: 'distinct-1', values: [run.listener.distinct_1.share, run.recsys.distinct_1.share] },
      { name: 'distinct-2', values: [run.listener.distinct_2.share, run.recsys.distinct_2.share] },
    ]);
    expect(progress?.id).toBe('chart-metrics-0-progress');
    expect(progress?.labels).toEqual(['before target (n=3)', 'at target (n=0)', 'after target (n=0)']);
    expect(progress?.series[0]?.values).toEqual([0.6667, null, null]);
  });
});
