import type { GenerateContentResponse } from '@google/genai';
import { type MediaTokenRates, type ModelRequest, Tp2dgError } from '@tp2dg/entities';
import { cancellableSleep } from '../cancellable-sleep.js';
import type { AttemptPermit } from '../run-with-retries.js';
import { estimateInputTokens } from './estimate-input-tokens.js';
import { MediaDurations } from './media-durations.js';
import { QuotaScheduler } from './quota-scheduler.js';
import type { QuotaStatus } from './quota-types.js';

export interface CallQuotaOptions {
  rpm?: number | undefined;
  tpm?: number | undefined;
  /** What an image and a second of audio count on the model, for the `tpm` estimate. */
  media: MediaTokenRates;
  now: () => number;
  /** An injected sleep (tests); a cancellable timer otherwise. */
  sleep?: ((milliseconds: number) => Promise<void>) | undefined;
  /** The seconds of audio each file is billed for; read from each file's header by default. */
  durations?: MediaDurations | undefined;
}

/** The gate each generateContent attempt passes: one per adapter, shared by all its calls. */
export interface CallQuota {
  /** The gate for every attempt of one request, its input estimated once. */
  gateFor(
    request: ModelRequest,
  ): Promise<(signal?: AbortSignal) => Promise<AttemptPermit<GenerateContentResponse>>>;
  status(): QuotaStatus;
}

/** A timer that a wake-up cancels, so no wait outlives the scheduler's need for it. */
function checkLimit(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `Gemini adapter option ${name} must be a positive number (got ${value}).`,
    );
  }
}

/**
 * Under `rpm`/`tpm`, every attempt waits for room in the windows, at the pace, under the
 * adaptive cap, and a 429's `retryDelay` holds back every new call. Without a limit, calls go
 * as the caller sends them until a 429 halves the calls in flight (the adaptive cap, which
 * grows back as calls succeed): so a high `--concurrency` settles at what the quota serves.
 * The `retryDelay` is then left to the throttled call's own retry, as before the cap.
 */
export function createCallQuota(options: CallQuotaOptions): CallQuota {
  checkLimit('rpm', options.rpm);
  checkLimit('tpm', options.tpm);
  const limited = options.rpm !== undefined || options.tpm !== undefined;
  const injected = options.sleep;
  const scheduler = new QuotaScheduler({
    ...(options.rpm === undefined ? {} : { rpm: options.rpm }),
    ...(options.tpm === undefined ? {} : { tpm: options.tpm }),
    now: options.now,
    sleep: injected === undefined ? cancellableSleep : (milliseconds) => injected(milliseconds),
  });
  const durations = options.durations ?? new MediaDurations();

  async function gateFor(request: ModelRequest) {
    const estimate = scheduler.countsTokens
      ? await estimateInputTokens(request, (path, mimeType) => durations.of(path, mimeType), options.media)
      : 0;
    return async (signal?: AbortSignal): Promise<AttemptPermit<GenerateContentResponse>> => {
      const permit = await scheduler.acquire(estimate, signal);
      return {
        succeeded: (response) => permit.succeeded(response.usageMetadata?.promptTokenCount),
        failed: (failure) => {
          if (failure?.status === 429) permit.rateLimited(limited ? failure.retryDelayMs : null);
          else permit.failed();
        },
      };
    };
  }

  return { gateFor, status: () => scheduler.status };
}
