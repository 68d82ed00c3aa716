import { type FailureRecord, RESPONSE_CODES, RUBRIC_NAMES, SPECIFICITY_CODES } from '@tp2dg/entities';
import { formatMetricsSections } from './format-metrics.js';
import { formatInteger, formatPercent, formatStatistics } from './format-numbers.js';
import { formatTable } from './format-table.js';
import { formatCostSection, formatTokens } from './format-usage.js';
import type { Summary } from './summary-types.js';

/** First line when any data is simulated, so nobody mistakes it for model output. */
function formatSimulatedWarning(conversations: Summary['conversations']): string[] {
  if (conversations.simulated === 0) return [];
  return [
    `SIMULATED DATA: ${conversations.simulated} of ${conversations.total} conversations are simulated offline ` +
      `output (provider 'simulated'), NOT LLM output.`,
  ];
}

function formatConversations(summary: Summary): string[] {
  const rows = summary.conversations.by_provider_model.map((entry) => [
    entry.provider,
    entry.model,
    formatInteger(entry.count),
  ]);
  const calls = summary.calls_per_conversation;
  return [
    `Conversations: ${summary.conversations.total}${formatShort(summary.conversations.short)}`,
    ...formatTable([['provider', 'model', 'conversations'], ...rows], { labelColumns: 2 }),
    `Turns per conversation: ${formatStatistics(summary.turns_per_conversation)}`,
    `Pool tracks per conversation: ${formatStatistics(summary.pool_size_per_conversation)} (the paper's: 21 to 32)`,
    `Model calls per conversation: ${formatStatistics(calls)} (${formatInteger(calls.total)} calls)`,
  ];
}

function formatShort(short: number): string {
  return short === 0 ? '' : `, ${short} of them short (fewer turns than asked; ended_early in session.json)`;
}

function formatGoals(goals: Summary['goals']): string[] {
  const rows = Object.entries(goals).map(([category, counts]) => {
    const values = SPECIFICITY_CODES.map((specificity) => counts[specificity]);
    const total = values.reduce((sum, count) => sum + count, 0);
    return [category, ...values.map(formatInteger), formatInteger(total)];
  });
  return [
    'Goals (category x specificity)',
    ...formatTable([['category', ...SPECIFICITY_CODES, 'total'], ...rows]),
  ];
}

function formatProgress(progress: Summary['progress_by_turn']): string[] {
  const title = 'Goal progress by turn (share of MOVES_TOWARD_GOAL)';
  if (progress.length === 0) return [title, '  no assessed turns (every conversation has one turn)'];
  const rows = progress.map((entry) => [
    String(entry.turn),
    formatInteger(entry.assessed),
    formatInteger(entry.moves_toward_goal),
    formatPercent(entry.share),
  ]);
  return [title, ...formatTable([['turn', 'assessed', 'moves toward goal', 'share'], ...rows])];
}

function formatResponseCodes(codes: Summary['response_codes']): string[] {
  const rows = RESPONSE_CODES.map((code) => ({
    code,
    counts: [codes.turns.listener[code], codes.turns.recsys[code], codes.calls[code]],
  }))
    // A code nobody produced is noise here; --json keeps every code.
    .filter(({ counts }) => counts.some((count) => count > 0))
    .map(({ code, counts }) => [code, ...counts.map((count) => formatInteger(count))]);
  return [
    'Response codes (turns from chat.json, calls from calls.jsonl)',
    ...formatTable([['code', 'listener turns', 'recsys turns', 'calls'], ...rows]),
  ];
}

function formatFailures(failures: Summary['failures']): string[] {
  const rows = failures.by_stage_code.map((entry) => [entry.stage, entry.code, formatInteger(entry.count)]);
  const table =
    rows.length > 0 ? formatTable([['stage', 'code', 'sessions'], ...rows], { labelColumns: 2 }) : [];
  const shown = failures.sessions.slice(0, LISTED_FAILURES).map(describeFailure);
  const more = failures.sessions.length - shown.length;
  return [
    `Failed or skipped sessions (failures.jsonl): ${failures.total}`,
    ...table,
    ...shown,
    ...(more > 0 ? [`  ... and ${more} more (all of them with --json)`] : []),
  ];
}

/** Enough to see what went wrong at a glance; --json lists them all. */
const LISTED_FAILURES = 20;

function describeFailure(failure: FailureRecord): string {
  const where =
    failure.agent === null
      ? ''
      : ` (${failure.agent}${failure.turn === null ? '' : `, turn ${failure.turn}`})`;
  return `  ${failure.session_id}${where}: ${failure.code}: ${failure.reason}`;
}

function formatJudgeScores(judges: Summary['judge_scores'], conversations: number): string[] {
  if (judges.length === 0) return [];
  const evaluated = judges.reduce((sum, judge) => sum + judge.conversations, 0);
  return [
    `Judge scores (eval.json of tp2dg-eval): ${evaluated} of ${conversations} conversations evaluated`,
    ...judges.flatMap((judge) => {
      const rows = RUBRIC_NAMES.map((rubric) => {
        const { mean, count } = judge.rubrics[rubric];
        return [rubric, mean === null ? '-' : mean.toFixed(2), formatInteger(count)];
      });
      const simulated = judge.simulated ? ', SIMULATED: not a model judgement' : '';
      return [
        `  judge ${judge.provider}/${judge.model} (rubrics sha256 ${judge.rubrics_hash.slice(0, 12)}${simulated}): ${judge.conversations} conversations, scores 1 to 4`,
        ...formatTable([['rubric', 'mean', 'judgements'], ...rows]),
      ];
    }),
  ];
}

function formatInvalidFiles(invalidFiles: Summary['invalid_files']): string[] {
  return [
    `Invalid files (their conversations are excluded from every figure): ${invalidFiles.length}`,
    ...invalidFiles.map((invalid) => `  ${invalid.file}: ${invalid.problem}`),
  ];
}

/** The human report: sections separated by blank lines, tables aligned. */
export function formatText(summary: Summary): string {
  const sections = [
    [...formatSimulatedWarning(summary.conversations), `tp2dg summary of ${summary.input}`],
    formatConversations(summary),
    formatGoals(summary.goals),
    formatProgress(summary.progress_by_turn),
    formatResponseCodes(summary.response_codes),
    ...formatMetricsSections(summary.metrics),
    formatTokens(summary.tokens),
    formatCostSection(summary.cost),
    formatFailures(summary.failures),
    formatJudgeScores(summary.judge_scores, summary.conversations.total),
    formatInvalidFiles(summary.invalid_files),
  ].filter((lines) => lines.length > 0);
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
