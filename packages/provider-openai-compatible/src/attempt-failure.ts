import { type ModelCallErrorCode, type RetryRecord, redactSecret } from '@tp2dg/entities';

/** Why one attempt failed, as the retry loop decides on it. Messages never hold the key. */
export interface AttemptFailure {
  reason: RetryRecord['reason'];
  status: number | null;
  retryable: boolean;
  /** What the server asked to wait (`Retry-After`); null to back off. */
  retryAfterMs: number | null;
  message: string;
  /** The server's reply body, key-free, when it answered with one. */
  body?: string;
  /** The error code a call gets when this failure is its last. */
  code: ModelCallErrorCode;
}

/** 408, 409 (a busy lock on some servers), 429 and 5xx may pass on a later try; other 4xx never will. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function codeOfStatus(status: number): ModelCallErrorCode {
  if (status === 401 || status === 403) return 'MODEL_AUTH';
  if (status === 404) return 'MODEL_NOT_FOUND';
  return 'MODEL_API';
}

/** An HTTP error reply; the start of its body says why (servers' error formats vary). */
export function httpFailure(
  status: number,
  body: string,
  retryAfterMs: number | null,
  apiKey: string | undefined,
) {
  const excerpt = redactSecret(body.replace(/\s+/g, ' ').trim().slice(0, 300), apiKey ?? '');
  return {
    reason: 'http',
    status,
    retryable: isRetryableStatus(status),
    retryAfterMs,
    message: `HTTP ${status}${excerpt === '' ? '' : `: ${excerpt}`}`,
    body: redactSecret(body, apiKey ?? ''),
    code: codeOfStatus(status),
  } satisfies AttemptFailure;
}

/** A 200 whose body is not a chat completion: a proxy's page, a cut-off reply. Retried, as it is mostly transient. */
export function malformedFailure(problem: string): AttemptFailure {
  return {
    reason: 'http',
    status: 200,
    retryable: true,
    retryAfterMs: null,
    message: `malformed reply: ${problem}`,
    code: 'MODEL_API',
  };
}

/** No answer: refused connection, reset, DNS. The cause's message names the host, not the key. */
export function networkFailure(error: unknown, apiKey: string | undefined): AttemptFailure {
  const cause = (error as { cause?: { message?: unknown } }).cause?.message;
  const detail = typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error);
  return {
    reason: 'network',
    status: null,
    retryable: true,
    retryAfterMs: null,
    message: `network error: ${redactSecret(detail, apiKey ?? '')}`,
    code: 'MODEL_API',
  };
}

export const TIMEOUT_FAILURE: AttemptFailure = {
  reason: 'timeout',
  status: null,
  retryable: true,
  retryAfterMs: null,
  message: 'timed out',
  code: 'MODEL_TIMEOUT',
};
