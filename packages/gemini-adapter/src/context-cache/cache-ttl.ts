/**
 * How long past the answer deadline of the attempt that needs it a cache is asked to live. A
 * chat's next call follows within seconds at the standard tier, so the caches of a conversation
 * seldom need extending; a flex call may take 15 minutes, and the cache is extended before an
 * attempt that could outlive it.
 */
export const CACHE_LEASE_MS = 5 * 60 * 1000;

/** The TTL, in whole seconds, a cache is made (or extended) with for an attempt of `attemptTimeoutMs`. */
export function cacheTtlSeconds(attemptTimeoutMs: number): number {
  return Math.ceil((attemptTimeoutMs + CACHE_LEASE_MS) / 1000);
}
