import type { GenerateContentResponse, JobError } from '@google/genai';
import type { CallLabel } from '@tp2dg/entities';
import { describeFailure, type Failure } from '../describe-failure.js';
import type { GeminiRetryEvent } from '../gemini-adapter-options.js';
import { finalError, type RetrySettings } from '../run-with-retries.js';
import type { BatchRequest } from './batch-request.js';
import type { BatchRounds, RoundOutcome } from './batch-rounds.js';
import { httpStatusOfRpcCode } from './rpc-status.js';

export interface BatchCallTarget {
  /** Says what and where, e.g. `Gemini generateContent (gemini-3.5-flash-lite, agent recsys, turn 3 ...)`. */
  description: string;
  label: CallLabel;
  signal?: AbortSignal | undefined;
}

/**
 * A request's error in a batch result as the SDK throws it for a call sent alone (an `ApiError`
 * whose message is Google's JSON error body), so it is read, retried and reported the same way.
 */
function asApiError(error: JobError): Error & { status: number } {
  const { status, name } = httpStatusOfRpcCode(error.code ?? 2);
  const body = {
    error: {
      code: status,
      message: error.message ?? 'no message',
      ...(name === undefined ? {} : { status: name }),
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
  return Object.assign(new Error(JSON.stringify(body)), { name: 'ApiError', status });
}

/** Why a call failed in its round, and the error to report as its cause. */
function failureOf(outcome: Exclude<RoundOutcome, { response: unknown }>, apiKey: string) {
  if ('error' in outcome) {
    const cause = asApiError(outcome.error);
    return { failure: describeFailure(cause, apiKey), cause };
  }
  const { job, state } = outcome.unanswered;
  const message = `batch job ${job} ended ${state} without its answer`;
  const failure: Failure = {
    reason: 'other',
    status: null,
    retryable: true,
    retryDelayMs: null,
    message,
    refused: null,
  };
  return { failure, cause: new Error(message) };
}

/**
 * One call through batch rounds. An error the service reports for the request is the error the
 * same call sent alone would get: retryable ones (429, 5xx) go again in the next round, as does a
 * call its job left unanswered (failed, expired, cancelled), up to `maxAttempts` rounds; the
 * others fail the call at once. Each retry is reported, with no wait: the next round is the wait.
 */
export async function generateInBatch(
  rounds: BatchRounds,
  request: BatchRequest,
  target: BatchCallTarget,
  settings: RetrySettings & { onRetry: (event: GeminiRetryEvent) => void },
): Promise<GenerateContentResponse> {
  for (let attempt = 1; ; attempt += 1) {
    const outcome = await rounds.answer(request, target.signal);
    if ('response' in outcome) return outcome.response;
    const { failure, cause } = failureOf(outcome, settings.apiKey);
    if (!failure.retryable || attempt >= settings.maxAttempts) {
      throw finalError({ operation: 'generate', ...target }, failure, attempt, cause, settings);
    }
    settings.onRetry({
      operation: 'generate',
      attempt,
      maxAttempts: settings.maxAttempts,
      delayMs: 0,
      status: failure.status,
      reason: 'error' in outcome ? 'http' : 'batch',
      message: failure.message,
      label: target.label,
    });
  }
}
