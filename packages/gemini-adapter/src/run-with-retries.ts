import {
  backoffDelay,
  type CallLabel,
  MAX_RETRY_DELAY_MS,
  ModelCallError,
  Tp2dgError,
  throttledDelay,
} from '@tp2dg/entities';
import { describeFailure, type Failure, sanitizedCause } from './describe-failure.js';
import { advice } from './failure-advice.js';
import type { GeminiRetryEvent } from './gemini-adapter-options.js';
import { raceAgainstSignal } from './race-against-signal.js';

export interface RetrySettings {
  apiKey: string;
  maxAttempts: number;
  timeoutMs: number;
  sleep: (milliseconds: number) => Promise<void>;
  random: () => number;
  onRetry?: (event: GeminiRetryEvent) => void;
}

/** How one attempt admitted by a gate ended; the quota scheduler counts it. */
export interface AttemptPermit<T> {
  succeeded(value: T): void;
  /** `failure` is null when the caller aborted. */
  failed(failure: Failure | null): void;
}

export interface RetryTarget<T = unknown> {
  operation: GeminiRetryEvent['operation'];
  /** Says what and where, e.g. `Gemini generateContent (gemini-3.5-flash-lite, agent recsys, turn 3)`. */
  description: string;
  /** The caller's signal: aborting stops at once, with no retry. */
  signal?: AbortSignal;
  label?: CallLabel;
  /** Waits before each attempt, outside its timeout, until the quota has room (rejects on abort). */
  admit?: (signal: AbortSignal | undefined) => Promise<AttemptPermit<T>>;
}

/** A refused key or model stops the whole run: no later call could succeed. */
const REFUSAL_CODES = { key: 'MODEL_AUTH', model: 'MODEL_NOT_FOUND', none: 'MODEL_API' } as const;

function abortedError(target: RetryTarget): Tp2dgError {
  return new Tp2dgError('ABORTED', `${target.description} was aborted by the caller.`);
}

/** The error a call gets once it failed for good: what failed, after how many attempts, and what to do. */
export function finalError(
  target: RetryTarget,
  failure: Failure,
  attempt: number,
  error: unknown,
  settings: RetrySettings,
) {
  const tries = failure.retryable ? `after ${attempt} attempt${attempt === 1 ? '' : 's'}` : 'without retry';
  return new ModelCallError(
    `${target.description} failed ${tries}: ${failure.message.replace(/\.$/, '')}. ${advice(failure)}`,
    {
      status: failure.status,
      retryable: failure.retryable,
      code: REFUSAL_CODES[failure.refused ?? 'none'],
      ...(failure.body === undefined ? {} : { body: failure.body }),
      apiKey: settings.apiKey,
      cause: sanitizedCause(error, settings.apiKey),
    },
  );
}

/**
 * Runs one SDK call with our own retry loop (the SDK's retries ignore RetryInfo and network
 * errors). Each attempt gets a fresh AbortController bounded by `timeoutMs`, linked to the
 * caller's signal; a fresh one per attempt because reused signals leak listeners in the SDK.
 */
export async function runWithRetries<T>(
  operation: (signal: AbortSignal) => Promise<T>,
  target: RetryTarget<T>,
  settings: RetrySettings,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    if (target.signal?.aborted) throw abortedError(target);
    const permit = await target.admit?.(target.signal).catch(() => {
      throw abortedError(target);
    });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('attempt timed out'));
    }, settings.timeoutMs);
    const onCallerAbort = () => controller.abort(target.signal?.reason);
    target.signal?.addEventListener('abort', onCallerAbort, { once: true });
    let failure: Failure;
    let caught: unknown;
    try {
      const value = await raceAgainstSignal(operation(controller.signal), controller.signal);
      permit?.succeeded(value);
      return value;
    } catch (error) {
      if (target.signal?.aborted) {
        permit?.failed(null);
        throw abortedError(target);
      }
      caught = error;
      failure = timedOut
        ? {
            reason: 'other',
            status: null,
            retryable: true,
            retryDelayMs: null,
            message: 'timed out',
            refused: null,
          }
        : describeFailure(error, settings.apiKey);
      permit?.failed(failure);
    } finally {
      clearTimeout(timer);
      target.signal?.removeEventListener('abort', onCallerAbort);
    }
    const lastAttempt = attempt >= settings.maxAttempts;
    if (timedOut && lastAttempt) {
      throw new ModelCallError(
        `${target.description} timed out: attempt ${attempt} of ${settings.maxAttempts} got no answer ` +
          `within ${settings.timeoutMs} ms. Raise timeoutMs, or check the network and the service status.`,
        { code: 'MODEL_TIMEOUT', status: null, retryable: true },
      );
    }
    if (failure.retryDelayMs !== null && failure.retryDelayMs > MAX_RETRY_DELAY_MS) {
      const wait = `${Math.round(failure.retryDelayMs / 1000)} s`;
      const quota = {
        ...failure,
        retryable: false,
        message: `${failure.message} (the service asks to wait ${wait})`,
      };
      throw finalError(target, quota, attempt, caught, settings);
    }
    if (!failure.retryable || lastAttempt) throw finalError(target, failure, attempt, caught, settings);
    const delayMs =
      failure.retryDelayMs === null
        ? backoffDelay(attempt, settings.random)
        : throttledDelay(failure.retryDelayMs, settings.random);
    settings.onRetry?.({
      operation: target.operation,
      attempt,
      maxAttempts: settings.maxAttempts,
      delayMs,
      status: failure.status,
      reason: timedOut ? 'timeout' : failure.reason === 'http' ? 'http' : 'network',
      message: failure.message,
      ...(target.label === undefined ? {} : { label: target.label }),
    });
    try {
      await raceAgainstSignal(settings.sleep(delayMs), target.signal);
    } catch {
      throw abortedError(target);
    }
  }
}
