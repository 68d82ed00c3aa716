import { redactSecret, tryParseJson } from '@tp2dg/entities';
import { retryDelayFromErrorBody } from './retry-delay.js';

const retryableStatuses = new Set([408, 429, 500, 502, 503, 504]);
const maxMessageLength = 600;

/** One failed attempt, reduced to what the retry loop and the final error need. */
export interface Failure {
  reason: 'http' | 'network' | 'other';
  status: number | null;
  retryable: boolean;
  /** The server's `RetryInfo.retryDelay`, when it sent one. */
  retryDelayMs: number | null;
  /** Short, key-free description of what went wrong. */
  message: string;
  /** The service's response body, key-free, when it answered with one. */
  body?: string;
  /**
   * What the service refused that no later call of the run can change: the key itself, or the
   * model (it does not serve that id, as for a retired model); null for any other failure.
   */
  refused: 'key' | 'model' | null;
}

/** A 404 on a model, as Google words it: `models/<id> is not found for API version v1beta ...`. */
function isMissingModel(status: number, detail: string): boolean {
  return status === 404 && /\bmodels\/\S+ is not found/.test(detail);
}

function truncate(text: string): string {
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength)}...` : text;
}

/** The SDK's `ApiError` carries `status` and the JSON error body as its message. */
function isSdkApiError(error: unknown): error is Error & { status: number } {
  return (
    error instanceof Error &&
    error.name === 'ApiError' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** Undici reports a refused, reset or dropped connection as `TypeError: fetch failed`. */
function isNetworkError(error: unknown): boolean {
  // `terminated`: the connection dropped after the headers, while the body was read.
  return error instanceof TypeError && (error.message === 'fetch failed' || error.message === 'terminated');
}

export function describeFailure(error: unknown, apiKey: string): Failure {
  if (isSdkApiError(error)) {
    const body = tryParseJson(error.message);
    const details = (body as { error?: { message?: unknown; status?: unknown } } | null)?.error;
    const statusName = typeof details?.status === 'string' ? ` ${details.status}` : '';
    const detail = typeof details?.message === 'string' ? details.message : error.message;
    const summary = `HTTP ${error.status}${statusName}: ${detail}`;
    return {
      reason: 'http',
      status: error.status,
      retryable: retryableStatuses.has(error.status),
      retryDelayMs: retryDelayFromErrorBody(body),
      message: truncate(redactSecret(summary, apiKey)),
      body: redactSecret(error.message, apiKey),
      // Google answers a bad key with 400 API_KEY_INVALID ("API key not valid"), a missing one with 401/403.
      refused:
        error.status === 401 || /API[ _]KEY/i.test(error.message)
          ? 'key'
          : isMissingModel(error.status, detail)
            ? 'model'
            : null,
    };
  }
  if (isNetworkError(error)) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    const detail = typeof code === 'string' ? ` (${code})` : '';
    return {
      reason: 'network',
      status: null,
      retryable: true,
      retryDelayMs: null,
      message: `network error${detail}`,
      refused: null,
    };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    reason: 'other',
    status: null,
    // The SDK's own upload failure (a missing or cancelled final upload status): start over.
    retryable: /Failed to upload file/.test(text),
    retryDelayMs: null,
    message: truncate(redactSecret(text, apiKey)),
    refused: null,
  };
}

/** A key-free stand-in for the SDK error, kept as `cause` so stacks and logs stay safe. */
export function sanitizedCause(error: unknown, apiKey: string): Error {
  const text = error instanceof Error ? error.message : String(error);
  const cause = new Error(redactSecret(text, apiKey));
  cause.name = error instanceof Error ? error.name : 'Error';
  return cause;
}
