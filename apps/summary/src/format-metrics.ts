import { type AgentMetrics, CHAT_AGENTS, type Proportion } from '@tp2dg/metrics';
import { formatInteger, formatPercent, formatStatistics } from './format-numbers.js';
import { formatTable } from './format-table.js';
import type { RunMetrics } from './summary-types.js';

/** Languages named per agent: the main ones; --json lists all. */
const LISTED_LANGUAGES = 3;

/** A share with what it is out of, or `none` when there was nothing to count. */
function formatProportion(proportion: Proportion): string {
  return proportion.share === null
    ? 'none'
    : `${formatPercent(proportion.share)} of ${formatInteger(proportion.out_of)}`;
}

/** distinct-n is read as a ratio, as the literature gives it. */
function formatRatio(proportion: Proportion): string {
  return proportion.share === null ? 'none' : proportion.share.toFixed(4);
}

function formatLanguagesFound(languages: AgentMetrics['languages']): string {
  const shown = languages.detected
    .slice(0, LISTED_LANGUAGES)
    .map((entry) => `${entry.language} ${formatInteger(entry.messages)}`);
  const more = languages.detected.length - shown.length;
  return [...shown, ...(more > 0 ? [`+${more} more`] : [])].join(', ') || 'none';
}

/** Each agent's figures as rows of cells, the header first: the text report's table and the HTML report's. */
export function agentMetricsRows(run: RunMetrics): string[][] {
  const row = (label: string, cell: (agent: AgentMetrics) => string) => [
    label,
    ...CHAT_AGENTS.map((agent) => cell(run[agent])),
  ];
  return [
    ['', ...CHAT_AGENTS],
    row('messages', (agent) => formatInteger(agent.messages)),
    row('distinct-1', (agent) => formatRatio(agent.distinct_1)),
    row('distinct-2', (agent) => formatRatio(agent.distinct_2)),
    row('words per message', (agent) => formatStatistics(agent.message_words)),
    row('words per thought', (agent) => formatStatistics(agent.thought_words)),
    row('verbatim openings', (agent) => formatProportion(agent.verbatim_openings)),
    row('AI self-mentions', (agent) => formatProportion(agent.ai_self_mentions.messages)),
    row('languages found', (agent) => formatLanguagesFound(agent.languages)),
    row('language undetermined', (agent) => formatInteger(agent.languages.undetermined)),
    row('in preferred language', (agent) => formatProportion(agent.languages.in_preferred_language)),
    row('in conversation language', (agent) => formatProportion(agent.languages.in_conversation_language)),
  ];
}

/** What matched, so a reader can tell a role break from a false alarm. */
export function formatSelfMentionPhrases(run: RunMetrics): string[] {
  return CHAT_AGENTS.flatMap((agent) =>
    run[agent].ai_self_mentions.phrases.map(
      (entry) => `  ${agent} self-mention "${entry.phrase}": ${formatInteger(entry.messages)} messages`,
    ),
  );
}

export function formatRepeatedOpenings(openings: RunMetrics['repeated_openings']): string[] {
  return [
    `Repeated openings (first ${openings.words} words of the first Listener message shared with another conversation): ${formatProportion(openings.conversations)} conversations`,
    ...openings.most_repeated.map(
      (entry) => `  "${entry.opening}": ${formatInteger(entry.conversations)} conversations`,
    ),
  ];
}

export function formatTrackNaming(naming: RunMetrics['track_naming']): string {
  return (
    `Recsys names its track and no other pool track: ${formatProportion(naming.names_recommended_only)} turns with a track ` +
    `(title ${formatInteger(naming.names_title)}, artist ${formatInteger(naming.names_artist)}, ` +
    `another pool track ${formatInteger(naming.names_other_pool_track)})`
  );
}

/** Goal progress before, at and after the target turn as rows of cells, the header first. */
export function progressByTargetRows(progress: RunMetrics['goal_progress_by_target']): string[][] {
  const row = (label: string, proportion: Proportion) => [
    label,
    formatInteger(proportion.out_of),
    formatInteger(proportion.count),
    proportion.share === null ? 'none' : formatPercent(proportion.share),
  ];
  return [
    ['recommendation', 'assessed', 'moves toward goal', 'share'],
    row('before target', progress.before_target),
    row('at target', progress.at_target),
    row('after target', progress.after_target),
  ];
}

/** The run, and a warning under it when its figures describe the simulator rather than a model. */
function formatHeading(run: RunMetrics): string[] {
  return [
    `Quality metrics of run ${run.run}: ${formatInteger(run.conversations)} conversations, measured on their text (no model)`,
    ...(run.simulated === 0
      ? []
      : [
          `  SIMULATED DATA: ${run.simulated} of these ${run.conversations} conversations are simulated offline output, ` +
            'NOT LLM output: their figures describe the simulator.',
        ]),
  ];
}

/** One section per run: its metrics mean something only within one run. */
export function formatMetricsSections(metrics: readonly RunMetrics[]): string[][] {
  return metrics.map((run) => [
    ...formatHeading(run),
    ...formatTable(agentMetricsRows(run)),
    ...formatSelfMentionPhrases(run),
    ...formatRepeatedOpenings(run.repeated_openings),
    formatTrackNaming(run.track_naming),
    'Goal progress against the target turn (share of MOVES_TOWARD_GOAL by the recommendation judged)',
    ...formatTable(progressByTargetRows(run.goal_progress_by_target)),
  ]);
}
