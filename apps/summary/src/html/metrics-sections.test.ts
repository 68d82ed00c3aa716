import { describe, expect, it } from 'vitest';
import { agentMetricsRows, progressByTargetRows } from '../format-metrics.js';
import { summarize } from '../summarize.js';
import { SAMPLE_CONVERSATIONS } from '../test-sample-run.js';
import { metricsSections } from './metrics-sections.js';

const summary = summarize('run', { conversations: SAMPLE_CONVERSATIONS, failures: [], invalid_files: [] });

describe('metricsSections', () => {
  it("should give each run the text report's tables, its simulated count and its charts, in order", () => {
    const sections = metricsSections(summary.metrics);
    expect(sections.map((section) => [section.run, section.conversations, section.simulated])).toEqual([
      ['gemini-2.5-flash/demo', 2, 0],
      ['simulated-v1/demo', 1, 1],
    ]);
    const [first, second] = summary.metrics;
    if (first === undefined || second === undefined) throw new Error('the sample run has two runs');
    expect(sections[0]?.agents).toEqual(agentMetricsRows(first));
    expect(sections[0]?.agents[0]).toEqual(['', 'listener', 'recsys']);
    expect(sections[1]?.progress_by_target).toEqual(progressByTargetRows(second.goal_progress_by_target));
    expect(sections[1]?.charts.map((chart) => chart.id)).toEqual([
      'chart-metrics-1-distinct',
      'chart-metrics-1-progress',
    ]);
  });

  it('should list the sentences of the text report without their terminal indent', () => {
    const [section] = metricsSections(summary.metrics);
    expect(section?.notes[0]).toMatch(/^Repeated openings \(first \d+ words/);
    expect(section?.notes.some((note) => note.startsWith('Recsys names its track'))).toBe(true);
    for (const note of section?.notes ?? []) expect(note).toBe(note.trim());
  });

  it('should make no section without metrics', () => {
    expect(metricsSections([])).toEqual([]);
  });
});
