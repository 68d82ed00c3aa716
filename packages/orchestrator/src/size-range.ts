/** The smallest, largest and mean of some sizes (the pools of the conversations a run wrote). */
export interface SizeRange {
  min: number;
  max: number;
  mean: number;
}

/** Adds one size to a range of `count` sizes so far (null for none): one pass, no list kept. */
export function widenSizeRange(range: SizeRange | null, count: number, size: number): SizeRange {
  if (range === null) return { min: size, max: size, mean: size };
  return {
    min: Math.min(range.min, size),
    max: Math.max(range.max, size),
    mean: (range.mean * count + size) / (count + 1),
  };
}
