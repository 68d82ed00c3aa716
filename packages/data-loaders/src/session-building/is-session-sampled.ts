import { createHash } from 'node:crypto';

/**
 * Whether sampling at `rate` keeps `sessionId`. The decision hashes the seed and the id
 * only, so it needs no count of the corpus, does not depend on reading order, and a
 * larger rate keeps a superset of what a smaller one kept with the same seed.
 */
export function isSessionSampled(seed: string, sessionId: string, rate: number): boolean {
  if (rate >= 1) return true;
  const digest = createHash('sha256').update(`${seed}\u0000${sessionId}`).digest();
  // 48 bits fit a double exactly; uniform in [0, 1).
  return digest.readUIntBE(0, 6) / 2 ** 48 < rate;
}
