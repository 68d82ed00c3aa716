// How long a backend waits before retrying a failed call: shared by every ModelPort that retries.

const baseDelayMs = 1000;
const maxBackoffMs = 60_000;

/**
 * The longest wait a 429 may ask for before the call fails instead: the per-minute quotas
 * ask for seconds, while a daily quota asks for hours, which no unattended run should sleep.
 */
export const MAX_RETRY_DELAY_MS = 5 * 60 * 1000;

/**
 * The wait a 429 asks for, plus up to a tenth of it (at most 1 s) at random: workers
 * throttled together must not all come back at the same instant and be throttled again.
 */
export function throttledDelay(retryDelayMs: number, random: () => number): number {
  return Math.round(retryDelayMs + Math.min(1000, retryDelayMs / 10) * random());
}

/**
 * Exponential backoff with "equal jitter": half of the doubled delay is fixed, half random,
 * so parallel workers hit by the same 503 do not all come back at the same instant.
 */
export function backoffDelay(failedAttempt: number, random: () => number): number {
  const ceiling = Math.min(maxBackoffMs, baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
