import { z } from 'zod';

/** Mean (4 decimals), min and max of one figure; all null when there was nothing to measure. */
export const NumberStatisticsSchema = z.object({
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type NumberStatistics = z.infer<typeof NumberStatisticsSchema>;

/** `count` of `out_of` things, and `share` = count / out_of (4 decimals); null when out_of is 0, not a misleading 0. */
export const ProportionSchema = z.object({
  count: z.number().int().min(0),
  out_of: z.number().int().min(0),
  share: z.number().min(0).max(1).nullable(),
});
export type Proportion = z.infer<typeof ProportionSchema>;

/** Rounds away floating-point noise so JSON output is stable and diffable. */
export function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export function describeNumbers(values: readonly number[]): NumberStatistics {
  if (values.length === 0) return { mean: null, min: null, max: null };
  // reduce, not Math.min(...values): spreading a large run's values would overflow the stack.
  const sum = values.reduce((total, value) => total + value, 0);
  const min = values.reduce((lowest, value) => Math.min(lowest, value));
  const max = values.reduce((highest, value) => Math.max(highest, value));
  return { mean: round(sum / values.length, 4), min, max };
}

export function proportion(count: number, outOf: number): Proportion {
  return { count, out_of: outOf, share: outOf === 0 ? null : round(count / outOf, 4) };
}
