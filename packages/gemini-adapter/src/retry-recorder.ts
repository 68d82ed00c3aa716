import type { RetryRecord } from '@tp2dg/entities';
import type { GeminiRetryEvent } from './gemini-adapter-options.js';

/** Reports each retry to the caller's `onRetry` and keeps it in `retries`, for the call's result. */
export function retryRecorder(
  retries: RetryRecord[],
  onRetry: ((event: GeminiRetryEvent) => void) | undefined,
): (event: GeminiRetryEvent) => void {
  return (event) => {
    const { operation, attempt, status, reason, delayMs, message } = event;
    retries.push({ operation, attempt, status, reason, delayMs, message });
    onRetry?.(event);
  };
}
