import { describe, expect, it } from 'vitest';
import { summarize } from '../summarize.js';
import { SAMPLE_CONVERSATIONS, SAMPLE_FAILURES } from '../test-sample-run.js';
import { reportCharts } from './report-charts.js';

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
