import type { GenerateContentResponse } from '@google/genai';
import { createCallQuota, estimateInputTokens, type QuotaStatus } from '@tp2dg/call-quota';
import type { MediaTokenRates, ModelRequest } from '@tp2dg/entities';
import type { AttemptPermit } from '../run-with-retries.js';
import { MediaDurations } from './media-durations.js';

export interface GeminiCallQuotaOptions {
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
export interface GeminiCallQuota {
  /** The gate for every attempt of one request, its input estimated once. */
  gateFor(
    request: ModelRequest,
  ): Promise<(signal?: AbortSignal) => Promise<AttemptPermit<GenerateContentResponse>>>;
  status(): QuotaStatus;
}

/**
 * The shared call quota on Gemini's terms: audio counted by the seconds its header gives (the
 * snippet's when snippets are cut), the real input read from the answer's usage metadata.
 */
export function createGeminiCallQuota(options: GeminiCallQuotaOptions): GeminiCallQuota {
  const injected = options.sleep;
  // The adapter's sleep waits out retries and takes no signal: the quota's early wake-ups
  // leave it to finish on its own, as the adapter's tests' clocks expect.
  const quota = createCallQuota({
    ...options,
    sleep: injected === undefined ? undefined : (milliseconds) => injected(milliseconds),
  });
  const durations = options.durations ?? new MediaDurations();

  async function gateFor(request: ModelRequest) {
    const estimate = quota.countsTokens
      ? await estimateInputTokens(request, (path, mimeType) => durations.of(path, mimeType), options.media)
      : 0;
    return async (signal?: AbortSignal): Promise<AttemptPermit<GenerateContentResponse>> => {
      const permit = await quota.acquire(estimate, signal);
      return {
        succeeded: (response) => permit.succeeded(response.usageMetadata?.promptTokenCount),
        failed: permit.failed,
      };
    };
  }

  return { gateFor, status: quota.status };
}
