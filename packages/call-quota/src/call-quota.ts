import { Tp2dgError } from '@tp2dg/entities';
import { cancellableSleep } from './cancellable-sleep.js';
import { QuotaScheduler } from './quota-scheduler.js';
import type { QuotaStatus } from './quota-types.js';

export interface CallQuotaOptions {
  /** Requests per minute; unlimited when absent. */
  rpm?: number | undefined;
  /** Input tokens per minute; unlimited when absent. */
  tpm?: number | undefined;
  now: () => number;
  /** An injected sleep (tests); a cancellable timer otherwise. */
  sleep?: ((milliseconds: number, signal: AbortSignal) => Promise<void>) | undefined;
}

/** Why an admitted attempt failed, as far as the quota cares: null when the caller aborted. */
export interface QuotaFailure {
  /** The HTTP status; 429 shrinks the calls in flight. */
  status: number | null;
  /** The wait the service asked for (a 429's Retry-After or RetryInfo), or null. */
  retryDelayMs: number | null;
}

/** How one admitted attempt ended; call one of them, once. */
export interface CallPermit {
  /** `inputTokens`: the prompt tokens the service counted, when its answer said. */
  succeeded(inputTokens: number | undefined): void;
  failed(failure: QuotaFailure | null): void;
}

/** The gate every attempt of a provider passes: one per run, shared by all its calls. */
export interface CallQuota {
  /** Whether `acquire` needs an input token estimate (only under a `tpm`): estimate nothing otherwise. */
  readonly countsTokens: boolean;
  /** Waits for room for one attempt of `estimate` input tokens; rejects when `signal` aborts. */
  acquire(estimate: number, signal?: AbortSignal): Promise<CallPermit>;
  status(): QuotaStatus;
}

function checkLimit(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `the quota option ${name} must be a positive number (got ${value}): give the model's limit per minute, or none`,
    );
  }
}

/**
 * Under `rpm`/`tpm`, every attempt waits for room in the windows, at the pace, under the
 * adaptive cap, and a 429's asked-for wait holds back every new call. Without a limit, calls go
 * as the caller sends them until a 429 halves the calls in flight (the adaptive cap, which
 * grows back as calls succeed): so a high concurrency settles at what the quota serves. The
 * asked-for wait is then left to the throttled call's own retry.
 */
export function createCallQuota(options: CallQuotaOptions): CallQuota {
  checkLimit('rpm', options.rpm);
  checkLimit('tpm', options.tpm);
  const limited = options.rpm !== undefined || options.tpm !== undefined;
  const scheduler = new QuotaScheduler({
    ...(options.rpm === undefined ? {} : { rpm: options.rpm }),
    ...(options.tpm === undefined ? {} : { tpm: options.tpm }),
    now: options.now,
    sleep: options.sleep ?? cancellableSleep,
  });
  return {
    countsTokens: scheduler.countsTokens,
    async acquire(estimate, signal) {
      const permit = await scheduler.acquire(estimate, signal);
      return {
        succeeded: (inputTokens) => permit.succeeded(inputTokens),
        failed: (failure) => {
          if (failure?.status === 429) permit.rateLimited(limited ? failure.retryDelayMs : null);
          else permit.failed();
        },
      };
    },
    status: () => scheduler.status,
  };
}
