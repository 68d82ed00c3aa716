import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartSpec } from '../report-data.js';
import { element } from './dom.js';

// Only what the charts use is registered, so the bundle carries only that much of Chart.js.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

/** Colours most colour-blind readers tell apart (Okabe and Ito's palette); more series reuse them in order. */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000'];

const UNIT_TITLES: Record<ChartSpec['unit'], string> = {
  conversations: 'conversations',
  share: 'share',
  ratio: 'ratio',
  score: 'mean score',
  codes: 'count',
  tokens: 'tokens',
  usd: 'USD',
  tracks: 'tracks',
};

/** The top of the value axis where the unit has one, so charts of the same unit compare at a glance. */
const UNIT_MAXIMA: Partial<Record<ChartSpec['unit'], number>> = { share: 1, ratio: 1, score: 4 };

const FRACTIONAL_UNITS: ReadonlySet<ChartSpec['unit']> = new Set(['share', 'ratio', 'usd']);

function tickLabel(unit: ChartSpec['unit'], value: number): string {
  if (unit === 'share') return `${Math.round(value * 100)}%`;
  if (unit === 'usd') return `$${value}`;
  if (unit === 'ratio') return value.toFixed(1);
  return value.toLocaleString('en-US');
}

function draw(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  return new Chart(canvas, {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((series, index) => {
        const colour = PALETTE[index % PALETTE.length];
        return { label: series.name, data: series.values, backgroundColor: colour, borderColor: colour };
      }),
    },
    options: {
      // Drawn at once: a report is read, not watched, and a screenshot must show the figures.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: spec.series.length > 1, position: 'bottom' } },
      scales: {
        x: { stacked: spec.stacked },
        y: {
          stacked: spec.stacked,
          beginAtZero: true,
          ...(UNIT_MAXIMA[spec.unit] === undefined ? {} : { max: UNIT_MAXIMA[spec.unit] }),
          title: { display: true, text: UNIT_TITLES[spec.unit] },
          // Counts and scores are whole: no tick at 0.5 conversations.
          ticks: {
            ...(FRACTIONAL_UNITS.has(spec.unit) ? {} : { precision: 0 }),
            callback: (value) => tickLabel(spec.unit, Number(value)),
          },
        },
      },
    },
  });
}

/** A card per chart, each drawn once it is in the document (Chart.js sizes a canvas by its box). */
export function renderCharts(container: HTMLElement, specs: readonly ChartSpec[]): void {
  for (const spec of specs) {
    const canvas = element('canvas', { id: spec.id, role: 'img', 'aria-label': spec.title });
    container.append(
      element(
        'figure',
        { class: 'chart' },
        element('figcaption', {}, element('strong', {}, spec.title), ' ', spec.caption),
        element('div', { class: 'chart-box' }, canvas),
      ),
    );
    draw(canvas, spec);
  }
}
