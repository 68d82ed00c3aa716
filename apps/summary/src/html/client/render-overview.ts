import { formatInteger, formatStatistics } from '../../format-numbers.js';
import { formatCost } from '../../format-usage.js';
import type { ReportData } from '../report-data.js';
import { element } from './dom.js';

function figure(label: string, value: string): HTMLElement {
  return element('div', { class: 'figure' }, element('dt', {}, label), element('dd', {}, value));
}

/** The banner a report with simulated conversations opens with, as the text report's first line. */
function simulatedBanner(conversations: ReportData['summary']['conversations']): HTMLElement | null {
  if (conversations.simulated === 0) return null;
  return element(
    'p',
    { class: 'banner simulated', role: 'alert' },
    `Simulated data: ${conversations.simulated} of ${conversations.total} conversations come from the offline simulated backend. Their text is simulated — not LLM output.`,
  );
}

/** The heading, the key figures, the media notices and the whole text report. */
export function renderOverview(data: ReportData): HTMLElement {
  const { summary } = data;
  const byModel = summary.conversations.by_provider_model
    .map((entry) => `${entry.provider} / ${entry.model}: ${formatInteger(entry.count)}`)
    .join(', ');
  return element(
    'section',
    { id: 'overview' },
    element('h1', {}, 'tp2dg report'),
    element('p', { class: 'subtitle' }, `${summary.input} · made ${data.generated_at}`),
    simulatedBanner(summary.conversations),
    element(
      'dl',
      { class: 'figures' },
      figure('conversations', formatInteger(summary.conversations.total)),
      figure('by provider / model', byModel === '' ? 'none' : byModel),
      figure('kept short', formatInteger(summary.conversations.short)),
      figure('turns per conversation', formatStatistics(summary.turns_per_conversation)),
      figure('model calls', formatInteger(summary.calls_per_conversation.total)),
      figure('cost at list prices', formatCost(summary.cost.total)),
      figure('failed or skipped sessions', formatInteger(summary.failures.total)),
      figure('invalid files', formatInteger(summary.invalid_files.length)),
    ),
    data.media_notices.length === 0
      ? null
      : element('ul', { class: 'notices' }, ...data.media_notices.map((notice) => element('li', {}, notice))),
    element(
      'details',
      { class: 'text-report' },
      element('summary', {}, 'The text report (every table, failures and invalid files listed)'),
      element('pre', {}, data.text_report),
    ),
  );
}
