import type { NumberStatistics } from './summary-types.js';

/** Rounds away floating-point noise so JSON output is stable and diffable. */
export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Mean (4 decimals), min and max; all null for no values rather than a misleading 0. */
export function describeNumbers(values: readonly number[]): NumberStatistics {
  if (values.length === 0) return { mean: null, min: null, max: null };
  // reduce, not Math.min(...values): spreading a large run's values would overflow the stack.
  const sum = values.reduce((total, value) => total + value, 0);
  const min = values.reduce((lowest, value) => Math.min(lowest, value));
  const max = values.reduce((highest, value) => Math.max(highest, value));
  return { mean: round(sum / values.length, 4), min, max };
}

/** Counts per key, with every known key present (0 when unseen) so the shape never varies. */
export function countBy<Key extends string>(
  keys: readonly Key[],
  values: Iterable<Key>,
): Record<Key, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<Key, number>;
  for (const value of values) counts[value] += 1;
  return counts;
}

/** How often each distinct combination of fields occurs, sorted by the fields in order. */
export function countCombinations<Fields extends Record<string, string>>(
  rows: readonly Fields[],
): (Fields & { count: number })[] {
  const counts = new Map<string, Fields & { count: number }>();
  for (const row of rows) {
    const key = JSON.stringify(Object.values(row));
    const entry = counts.get(key) ?? { ...row, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const compare = (left: Fields, right: Fields) =>
    Object.keys(left).reduce(
      (order, field) => order || String(left[field]).localeCompare(String(right[field])),
      0,
    );
  return [...counts.values()].sort(compare);
}
