export interface QuotaSchedulerOptions {
  /** Requests per minute; unlimited when absent. */
  rpm?: number;
  /** Input tokens per minute; unlimited when absent. */
  tpm?: number;
  now: () => number;
  /** Resolves after `milliseconds`, or at once when `signal` aborts (the scheduler woke early). */
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

/** How one admitted attempt ended; call exactly one, once. */
export interface QuotaPermit {
  /** `inputTokens`: the prompt tokens the service counted, when the answer said. */
  succeeded(inputTokens: number | undefined): void;
  /** A 429; `retryDelayMs` is the service's RetryInfo, which also holds back new calls. */
  rateLimited(retryDelayMs: number | null): void;
  failed(): void;
}

/** What a progress display may show; cheap to read. */
export interface QuotaStatus {
  /** Calls allowed in flight (Infinity until a 429), and in flight now. */
  concurrencyCap: number;
  inFlight: number;
  /** Attempts waiting for room now. */
  queued: number;
  /** Attempts that had to wait, and for how long in all (ms). */
  waits: number;
  waitedMs: number;
  /** Attempts answered 429. */
  rateLimited: number;
  /** Real over estimated input tokens so far (1 before any answer). */
  estimateFactor: number;
}
