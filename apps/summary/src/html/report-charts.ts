import {
  type AgentName,
  RESPONSE_CODES,
  RUBRIC_NAMES,
  SPECIFICITY_CODES,
  type TokenUsage,
} from '@tp2dg/entities';
import { CHAT_AGENTS } from '@tp2dg/metrics';
import type { JudgeScores, NumberStatistics, RunMetrics, Summary } from '../summary-types.js';
import type { ChartSpec } from './report-data.js';

/** The token counts charted, by modality, with their legend names; storage is token-seconds, not tokens. */
const TOKEN_SERIES: [keyof TokenUsage, string][] = [
  ['text_input', 'text in'],
  ['image_input', 'image in'],
  ['audio_input', 'audio in'],
  ['cached_text_input', 'cached text in'],
  ['cached_image_input', 'cached image in'],
  ['cached_audio_input', 'cached audio in'],
  ['cache_creation_text_input', 'cache made: text'],
  ['cache_creation_image_input', 'cache made: image'],
  ['cache_creation_audio_input', 'cache made: audio'],
  ['output', 'output'],
  ['thinking', 'thinking'],
];

function goalsChart(goals: Summary['goals']): ChartSpec {
  const categories = Object.keys(goals) as (keyof Summary['goals'])[];
  return {
    id: 'chart-goals',
    title: 'Goals: category by specificity',
    caption:
      'Conversations per goal category (A-K), split by specificity: query then target, L(ow) or H(igh).',
    kind: 'bar',
    labels: categories,
    series: SPECIFICITY_CODES.map((specificity) => ({
      name: specificity,
      values: categories.map((category) => goals[category][specificity]),
    })),
    stacked: true,
    unit: 'conversations',
  };
}

function progressChart(progress: Summary['progress_by_turn']): ChartSpec {
  return {
    id: 'chart-progress',
    title: 'Goal progress by turn',
    caption:
      'Among the conversations that reached each turn, the share whose Listener said the last track moved toward the goal (MOVES_TOWARD_GOAL). Turn 1 has no assessment.',
    kind: 'line',
    labels: progress.map((entry) => `turn ${entry.turn}`),
    series: [{ name: 'moves toward the goal', values: progress.map((entry) => entry.share) }],
    stacked: false,
    unit: 'share',
  };
}

function responseCodesChart(codes: Summary['response_codes']): ChartSpec {
  // As in the text report, codes that never occur are left out: SUCCESS would dwarf nothing else.
  const occurring = RESPONSE_CODES.filter(
    (code) => codes.turns.listener[code] + codes.turns.recsys[code] + codes.calls[code] > 0,
  );
  return {
    id: 'chart-response-codes',
    title: 'Response codes',
    caption:
      'One code per agent and turn (chat.json), and one per model call, re-asks included (calls.jsonl).',
    kind: 'bar',
    labels: occurring,
    series: [
      { name: 'Listener turns', values: occurring.map((code) => codes.turns.listener[code]) },
      { name: 'Recsys turns', values: occurring.map((code) => codes.turns.recsys[code]) },
      { name: 'model calls', values: occurring.map((code) => codes.calls[code]) },
    ],
    stacked: false,
    unit: 'codes',
  };
}

function tokensChart(tokens: Summary['tokens']): ChartSpec {
  const agents = Object.keys(tokens.by_agent) as AgentName[];
  return {
    id: 'chart-tokens',
    title: 'Tokens by agent and modality',
    caption:
      'From calls.jsonl. Cached inputs are billed at the cached rate and are not in the other inputs; a cache made is billed once at the input price. Simulated runs estimate their tokens.',
    kind: 'bar',
    labels: agents,
    series: TOKEN_SERIES.map(([field, name]) => ({
      name,
      values: agents.map((agent) => tokens.by_agent[agent][field]),
    })).filter((series) => series.values.some((value) => value > 0)),
    stacked: true,
    unit: 'tokens',
  };
}

function costChart(cost: Summary['cost']): ChartSpec {
  const agents = Object.keys(cost.by_agent) as AgentName[];
  return {
    id: 'chart-cost',
    title: 'Cost by agent (USD at list prices)',
    caption: `Prices ${cost.price_table}, at the day each conversation was written. Simulated calls are not billed, and calls to a model without a price are left out (${cost.total.unpriced_calls} here).`,
    kind: 'bar',
    labels: agents,
    series: [{ name: 'USD', values: agents.map((agent) => cost.by_agent[agent].usd) }],
    stacked: false,
    unit: 'usd',
  };
}

function poolChart(pool: NumberStatistics): ChartSpec {
  const figures = (['min', 'mean', 'max'] as const).flatMap((name) => {
    const value = pool[name];
    return value === null ? [] : [{ name, value }];
  });
  return {
    id: 'chart-pool',
    title: 'Pool size per conversation',
    caption:
      "Tracks the Recsys could recommend from: least, mean and most over the conversations. The paper's pools hold 21 to 32.",
    kind: 'bar',
    labels: figures.map((figure) => figure.name),
    series: [{ name: 'pool tracks', values: figures.map((figure) => figure.value) }],
    stacked: false,
    unit: 'tracks',
  };
}

/** The report's charts, each drawn from the `Summary` as it is: no figure is computed again here. */
export function reportCharts(summary: Summary): ChartSpec[] {
  return [
    goalsChart(summary.goals),
    progressChart(summary.progress_by_turn),
    responseCodesChart(summary.response_codes),
    tokensChart(summary.tokens),
    costChart(summary.cost),
    poolChart(summary.pool_size_per_conversation),
  ];
}

/**
 * A judge's rubric means, each label with its judgements counted: a mean of 2 judgements is read
 * otherwise than one of 200. Every rubric keeps its place, so two judges' charts line up.
 */
function judgeChart(judge: JudgeScores, index: number): ChartSpec {
  const simulated = judge.simulated ? ' (simulated)' : '';
  return {
    id: `chart-judge-${index}`,
    title: `Judge ${judge.provider} / ${judge.model}${simulated}`,
    caption:
      `Mean score per rubric, 1 (fails it) to 4 (fully meets it), over ${judge.conversations} conversations; ` +
      `n is the judgements counted, and a rubric without any has no bar. Rubrics sha256 ${judge.rubrics_hash.slice(0, 12)}.` +
      (judge.simulated ? " Simulated judge: its scores are not a model's judgement." : ''),
    kind: 'bar',
    labels: RUBRIC_NAMES.map((rubric) => `${rubric} (n=${judge.rubrics[rubric].count})`),
    series: [{ name: 'mean score', values: RUBRIC_NAMES.map((rubric) => judge.rubrics[rubric].mean) }],
    stacked: false,
    unit: 'score',
  };
}

/** One chart per judge: scores of different judges or rubric templates are never averaged together. */
export function judgeCharts(judges: readonly JudgeScores[]): ChartSpec[] {
  return judges.map(judgeChart);
}

/** distinct-1 and distinct-2 side by side per agent: the lexical variety of each. */
function distinctChart(run: RunMetrics, id: string): ChartSpec {
  return {
    id: `${id}-distinct`,
    title: 'Distinct-n by agent',
    caption:
      "Distinct words (distinct-1) and word pairs (distinct-2) over all the words of an agent's messages: lower is more repetitive.",
    kind: 'bar',
    labels: [...CHAT_AGENTS],
    series: (['distinct_1', 'distinct_2'] as const).map((figure) => ({
      name: figure.replace('_', '-'),
      values: CHAT_AGENTS.map((agent) => run[agent][figure].share),
    })),
    stacked: false,
    unit: 'ratio',
  };
}

/** Whether the Listener hears progress where the goal says it should: before, at and after the target turn. */
function progressByTargetChart(run: RunMetrics, id: string): ChartSpec {
  const { before_target, at_target, after_target } = run.goal_progress_by_target;
  const parts = [
    ['before target', before_target],
    ['at target', at_target],
    ['after target', after_target],
  ] as const;
  return {
    id: `${id}-progress`,
    title: 'Goal progress against the target turn',
    caption:
      'Share of assessments saying MOVES_TOWARD_GOAL, by where the recommendation judged stands against the goal’s target turn; n is the assessments.',
    kind: 'bar',
    labels: parts.map(([label, proportion]) => `${label} (n=${proportion.out_of})`),
    series: [{ name: 'moves toward the goal', values: parts.map(([, proportion]) => proportion.share) }],
    stacked: false,
    unit: 'share',
  };
}

/** The charts of one run directory's metrics; `index` is its place in `Summary.metrics`, for ids. */
export function runMetricsCharts(run: RunMetrics, index: number): ChartSpec[] {
  const id = `chart-metrics-${index}`;
  return [distinctChart(run, id), progressByTargetChart(run, id)];
}
