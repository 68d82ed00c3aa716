import {
  agentMetricsRows,
  formatRepeatedOpenings,
  formatSelfMentionPhrases,
  formatTrackNaming,
  progressByTargetRows,
} from '../format-metrics.js';
import type { RunMetrics } from '../summary-types.js';
import { runMetricsCharts } from './report-charts.js';
import type { MetricsSection } from './report-data.js';

/**
 * The quality metrics of each run directory, as the page shows them: the text report's tables and
 * sentences (the same formatters, so the two never disagree) and charts of the figures that read
 * better drawn. The sentences' indents, for the terminal, are dropped: the page lists them.
 */
export function metricsSections(metrics: readonly RunMetrics[]): MetricsSection[] {
  return metrics.map((run, index) => ({
    run: run.run,
    conversations: run.conversations,
    simulated: run.simulated,
    agents: agentMetricsRows(run),
    progress_by_target: progressByTargetRows(run.goal_progress_by_target),
    notes: [
      ...formatRepeatedOpenings(run.repeated_openings),
      formatTrackNaming(run.track_naming),
      ...formatSelfMentionPhrases(run),
    ].map((note) => note.trim()),
    charts: runMetricsCharts(run, index),
  }));
}
