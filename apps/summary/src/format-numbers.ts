import type { NumberStatistics } from './summary-types.js';

/** Thousands separators: token totals run into the millions. */
export function formatInteger(value: number): string {
  return value.toLocaleString('en-US');
}

/** Four decimals: a single call costs fractions of a cent. */
export function formatUsd(value: number): string {
  return `$${value.toFixed(4)}`;
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatStatistics(statistics: NumberStatistics): string {
  if (statistics.mean === null) return 'none';
  return `mean ${statistics.mean.toFixed(2)}, min ${statistics.min}, max ${statistics.max}`;
}
