/**
 * Calls in flight when no rate limit is given: enough that a run of a few dozen sessions
 * goes about as fast as all of them at once. A 429 still halves it (see
 * `AdaptiveConcurrency`), so a smaller quota costs retries, not the run.
 */
export const DEFAULT_CONCURRENCY = 64;

/**
 * A hosted model's usual call time with a conversation's history and media, thinking included,
 * on the fast tiers providers sell for such work; smaller models are faster. Too long a guess only starts more sessions than the
 * quota serves at once, which then wait their turn under the pace.
 */
export const TYPICAL_CALL_MS = 10_000;

/**
 * Input tokens of a call at the small end of a conversation's (a profile or goal call; a
 * Recsys call with its pool's media is several times more). Too small a guess, like too long
 * a call, only starts more sessions than the TPM serves at once.
 */
export const TYPICAL_INPUT_TOKENS = 4000;

/** Sessions in flight hold a journal file each: beyond this, more add nothing but waiting. */
export const MAX_AUTO_CONCURRENCY = 256;

export interface RateLimits {
  rpm?: number | undefined;
  tpm?: number | undefined;
}

/**
 * `--concurrency auto`: the calls in flight that keep a project's rate limits busy at a
 * typical call's latency (Little's law: calls per minute x minutes per call), between 1 and
 * `MAX_AUTO_CONCURRENCY`; `DEFAULT_CONCURRENCY` without limits. The run then adapts to 429s.
 */
export function autoConcurrency(limits: RateLimits): number {
  const byRequests = limits.rpm ?? Number.POSITIVE_INFINITY;
  const byTokens = limits.tpm === undefined ? Number.POSITIVE_INFINITY : limits.tpm / TYPICAL_INPUT_TOKENS;
  const callsPerMinute = Math.min(byRequests, byTokens);
  if (!Number.isFinite(callsPerMinute)) return DEFAULT_CONCURRENCY;
  const inFlight = Math.ceil((callsPerMinute * TYPICAL_CALL_MS) / 60_000);
  return Math.min(MAX_AUTO_CONCURRENCY, Math.max(1, inFlight));
}
