import type { EmulatedHttpReply } from './emulator-types.js';

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  408: 'DEADLINE_EXCEEDED',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Google's canonical status name for an HTTP status, e.g. 429 -> RESOURCE_EXHAUSTED. */
function statusNameOf(status: number): string {
  return statusNames[status] ?? 'UNKNOWN';
}

export interface EmulatedApiErrorOptions {
  message?: string;
  /** Adds a `google.rpc.RetryInfo` detail, e.g. `"17s"`, as Google does on 429. */
  retryDelay?: string;
  /** Overrides the canonical name, e.g. FAILED_PRECONDITION for a 400. */
  statusName?: string;
}

/** An error reply shaped like Google's JSON error body (`{error: {code, message, status, details}}`). */
export function emulatedApiError(status: number, options: EmulatedApiErrorOptions = {}): EmulatedHttpReply {
  const details =
    options.retryDelay === undefined
      ? undefined
      : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: options.retryDelay }];
  return {
    status,
    body: {
      error: {
        code: status,
        message: options.message ?? `Emulated error ${status}`,
        status: options.statusName ?? statusNameOf(status),
        ...(details === undefined ? {} : { details }),
      },
    },
  };
}
