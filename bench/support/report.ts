/** How a bench prints a measured ratio against its target, and remembers a miss for the exit code. */
export function reportRatio(
  name: string,
  value: number,
  target: { atLeast?: number; atMost?: number },
): void {
  const met =
    (target.atLeast === undefined || value >= target.atLeast) &&
    (target.atMost === undefined || value <= target.atMost);
  const bound = target.atLeast !== undefined ? `>= ${target.atLeast}` : `<= ${target.atMost}`;
  console.log(`${name}: ${formatNumber(value)} (target ${bound}) ${met ? 'met' : 'MISSED'}`);
  if (!met) process.exitCode = 1;
}

/** A figure behind a ratio, printed so the ratio can be checked by hand. */
export function reportFigure(name: string, value: number, unit: string): void {
  console.log(`  ${name}: ${formatNumber(value)} ${unit}`);
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}
