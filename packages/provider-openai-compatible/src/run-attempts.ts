import {
  backoffDelay,
  MAX_RETRY_DELAY_MS,
  ModelCallError,
  type RetryRecord,
  Tp2dgError,
  throttledDelay,
} from '@tp2dg/entities';
import { type AttemptFailure, TIMEOUT_FAILURE } from './attempt-failure.js';

export interface AttemptSettings {
  maxAttempts: number;
  timeoutMs: number;
  sleep: (milliseconds: number) => Promise<void>;
  random: () => number;
}

/** One attempt: a value, or why it failed. Thrown errors are the caller's own and pass through. */
export type AttemptOutcome<T> = { ok: true; value: T } | { ok: false; failure: AttemptFailure };

/** How one attempt the quota admitted ended; `failure` is null when it threw or the caller aborted. */
export interface AttemptPermit<T> {
  succeeded(value: T): void;
  failed(failure: AttemptFailure | null): void;
}

/** Waits, outside the attempt's timeout, until the quota has room; rejects when `signal` aborts. */
export type AttemptGate<T> = (signal: AbortSignal | undefined) => Promise<AttemptPermit<T>>;

function abortedError(description: string): Tp2dgError {
  return new Tp2dgError('ABORTED', `${description} was aborted by the caller.`);
}

/** Resolves after the wait, or rejects as soon as the signal aborts. */
function sleepUnlessAborted(sleep: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return sleep;
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    sleep.then(resolve, reject);
  });
}

/**
 * Runs `attempt` until it succeeds, a failure is not retryable, or the attempts run out.
 * Each attempt, retries included, first passes `admit` (the run's quota), outside its timeout.
 * Each gets its own signal, aborted after `timeoutMs` or when the caller's aborts.
 * The wait between attempts is what `Retry-After` asks (with a little jitter so parallel
 * calls do not return together), else exponential backoff; a wait over five minutes (a
 * daily quota) fails the call rather than stall an unattended run.
 */
export async function runAttempts<T>(
  attempt: (signal: AbortSignal) => Promise<AttemptOutcome<T>>,
  description: string,
  callerSignal: AbortSignal | undefined,
  admit: AttemptGate<T>,
  settings: AttemptSettings,
): Promise<{ value: T; retries: RetryRecord[] }> {
  const retries: RetryRecord[] = [];
  for (let number = 1; ; number += 1) {
    if (callerSignal?.aborted) throw abortedError(description);
    const permit = await admit(callerSignal).catch(() => {
      throw abortedError(description);
    });
    const signal = AbortSignal.any([
      AbortSignal.timeout(settings.timeoutMs),
      ...(callerSignal ? [callerSignal] : []),
    ]);
    let outcome: AttemptOutcome<T>;
    try {
      outcome = await attempt(signal);
    } catch (error) {
      if (callerSignal?.aborted || !signal.aborted) {
        permit.failed(null);
        throw callerSignal?.aborted ? abortedError(description) : error;
      }
      outcome = { ok: false, failure: TIMEOUT_FAILURE };
    }
    if (outcome.ok) {
      permit.succeeded(outcome.value);
      return { value: outcome.value, retries };
    }
    const failure = outcome.failure;
    permit.failed(failure);
    const tooLong = failure.retryAfterMs !== null && failure.retryAfterMs > MAX_RETRY_DELAY_MS;
    if (!failure.retryable || tooLong || number >= settings.maxAttempts) {
      const tries = failure.retryable ? `after ${number} attempt${number === 1 ? '' : 's'}` : 'without retry';
      const wait = tooLong
        ? ` (the server asks to wait ${Math.round((failure.retryAfterMs ?? 0) / 1000)} s)`
        : '';
      const detail =
        failure.reason === 'timeout'
          ? `no answer within ${settings.timeoutMs} ms`
          : `${failure.message}${wait}`;
      throw new ModelCallError(`${description} failed ${tries}: ${detail}.`, {
        code: failure.code,
        status: failure.status,
        retryable: failure.retryable,
        ...(failure.body === undefined ? {} : { body: failure.body }),
      });
    }
    const delayMs =
      failure.retryAfterMs === null
        ? backoffDelay(number, settings.random)
        : throttledDelay(failure.retryAfterMs, settings.random);
    retries.push({
      operation: 'generate',
      attempt: number,
      status: failure.status,
      reason: failure.reason,
      delayMs,
      message: failure.message,
    });
    await sleepUnlessAborted(settings.sleep(delayMs), callerSignal).catch(() => {
      throw abortedError(description);
    });
  }
}
