import type { MediaMap, ReportData } from '../report-data.js';
import { renderConversationBrowser } from './conversation-browser.js';
import { element, embeddedJson } from './dom.js';
import { renderCharts } from './render-charts.js';
import { renderMetrics } from './render-metrics.js';
import { renderOverview } from './render-overview.js';

// The page script of the HTML report: everything it shows comes from the two JSON elements the
// report was written with. Bundled with Chart.js into one file (tsup), inlined in each report.

const data = embeddedJson<ReportData>('report-data');
const media = embeddedJson<MediaMap>('report-media');
const report = document.getElementById('report');
if (report === null)
  throw new Error('the report has no #report element: write it again with tp2dg-summary --html');
document.title = `tp2dg report: ${data.summary.input}`;

const charts = element('div', { class: 'charts' });
const evaluations = element('div', { class: 'charts' });
const metrics = renderMetrics(data.metrics_sections);
report.append(
  renderOverview(data),
  element('section', { id: 'charts' }, element('h2', {}, 'Figures'), charts),
  ...(data.evaluation_charts.length === 0
    ? []
    : [element('section', { id: 'evaluations' }, element('h2', {}, 'Judge scores'), evaluations)]),
  ...(data.metrics_sections.length === 0 ? [] : [metrics.section]),
  renderConversationBrowser(data.conversations, media),
);
// After the sections are in the document: Chart.js sizes each canvas by its box.
renderCharts(charts, data.charts);
renderCharts(evaluations, data.evaluation_charts);
for (const [container, specs] of metrics.charts) renderCharts(container, specs);
