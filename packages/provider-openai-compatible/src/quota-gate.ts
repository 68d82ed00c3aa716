import { type CallQuota, estimateInputTokens } from '@tp2dg/call-quota';
import { type ModelRequest, TYPICAL_MEDIA_TOKEN_RATES } from '@tp2dg/entities';
import type { AttemptFailure } from './attempt-failure.js';
import type { ChatCompletion } from './chat-response.js';
import type { AttemptGate } from './run-attempts.js';

/**
 * No clip's header is read for the estimate (the servers' audio formats are WAV and MP3, whose
 * lengths a header states only roughly): each is taken to play a preview's 30 s. The quota
 * scales its estimates by the `prompt_tokens` servers report, which absorbs the difference.
 */
export const ASSUMED_CLIP_SECONDS = 30;

/**
 * The quota's gate for every attempt of one request, its input estimated once (only under a
 * `tpm`) at typical models' rates, as the servers behind this API publish none in common.
 * A 429 and its `Retry-After` reach the quota; a reply's `prompt_tokens` corrects its estimates.
 */
export async function quotaGateFor(
  quota: CallQuota,
  request: ModelRequest,
): Promise<AttemptGate<ChatCompletion>> {
  const estimate = quota.countsTokens
    ? await estimateInputTokens(request, async () => ASSUMED_CLIP_SECONDS, TYPICAL_MEDIA_TOKEN_RATES)
    : 0;
  return async (signal) => {
    const permit = await quota.acquire(estimate, signal);
    return {
      succeeded: (completion) => permit.succeeded(completion.usage?.prompt_tokens),
      failed: (failure: AttemptFailure | null) =>
        permit.failed(failure && { status: failure.status, retryDelayMs: failure.retryAfterMs }),
    };
  };
}
