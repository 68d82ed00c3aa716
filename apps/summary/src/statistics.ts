// Means, rounding and shares are the metrics package's, so the report rounds every figure alike.
export { describeNumbers, round } from '@tp2dg/metrics';

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
