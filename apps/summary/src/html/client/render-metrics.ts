import type { ChartSpec, MetricsSection } from '../report-data.js';
import { element, table } from './dom.js';

/** A section of the page, and the charts to draw in it once it is in the document. */
export interface RenderedSection {
  section: HTMLElement;
  charts: [container: HTMLElement, specs: ChartSpec[]][];
}

/** As the text report warns under the run's heading: these figures describe the simulator. */
function simulatedWarning(run: MetricsSection): HTMLElement | null {
  if (run.simulated === 0) return null;
  return element(
    'p',
    { class: 'banner simulated' },
    `Simulated data: ${run.simulated} of these ${run.conversations} conversations are simulated offline output, not LLM output: their figures describe the simulator.`,
  );
}

/** The quality metrics, one block per run directory: a figure over two runs would describe neither. */
export function renderMetrics(sections: readonly MetricsSection[]): RenderedSection {
  const charts: RenderedSection['charts'] = [];
  const runs = sections.map((run) => {
    const container = element('div', { class: 'charts' });
    charts.push([container, run.charts]);
    return element(
      'article',
      { class: 'metrics-run', 'data-run': run.run },
      element('h3', {}, `Run ${run.run}`),
      element(
        'p',
        { class: 'muted' },
        `${run.conversations} conversations, measured on their text (no model)`,
      ),
      simulatedWarning(run),
      element('div', { class: 'tables' }, table(run.agents), table(run.progress_by_target)),
      element('ul', { class: 'notes' }, ...run.notes.map((note) => element('li', {}, note))),
      container,
    );
  });
  return {
    section: element('section', { id: 'metrics' }, element('h2', {}, 'Quality metrics'), ...runs),
    charts,
  };
}
