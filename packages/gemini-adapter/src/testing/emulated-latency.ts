/** A fixed delay in ms, or a uniform spread `meanMs - jitterMs .. meanMs + jitterMs`. */
export type EmulatedLatency = number | { meanMs: number; jitterMs: number };

/** Draws the delay of one generateContent answer; never negative. */
export function latencyDrawer(latency: EmulatedLatency | undefined, random: () => number): () => number {
  if (latency === undefined) return () => 0;
  if (typeof latency === 'number') {
    if (!(latency >= 0)) throw new RangeError(`latencyMs=${latency}: expected a delay of 0 ms or more`);
    return () => latency;
  }
  const { meanMs, jitterMs } = latency;
  if (!(meanMs >= 0 && jitterMs >= 0)) {
    throw new RangeError(`latencyMs={meanMs: ${meanMs}, jitterMs: ${jitterMs}}: expected both 0 or more`);
  }
  return () => Math.max(0, meanMs + jitterMs * (2 * random() - 1));
}
