/**
 * Batch mode: every call goes to the Batch API, in rounds. A call waits in the round being
 * gathered; the round goes as one job once no call has come for `settleMs` (or it holds
 * `maxRequests`), and each call is answered when its job ends. Batch jobs are billed at the
 * price table's batch discount and are not held to the per-minute limits of calls sent alone:
 * the service limits instead how many jobs a project runs at once and how many tokens it may
 * have queued per model, and takes up to 24 hours a job (one that takes longer ends EXPIRED).
 */
export interface GeminiBatchOptions {
  /**
   * A JSON-lines file of the jobs submitted (in the output directory): a later run waits on a job
   * not yet collected that holds its call instead of submitting the call again. None by default.
   */
  ledger?: string;
  /** A round goes once no call has joined it for this long (default 1000 ms). */
  settleMs?: number;
  /** ... or once it holds this many calls (default `DEFAULT_BATCH_MAX_REQUESTS`). */
  maxRequests?: number;
  /**
   * The most a round's requests may weigh, as JSON, to go inline (default 20,000,000 bytes,
   * the service's 20 MB); a heavier round goes as an uploaded JSON-lines file.
   */
  inlineLimitBytes?: number;
  /** The wait before a job's first poll (default 5000 ms); each later wait is half as long again ... */
  pollIntervalMs?: number;
  /** ... up to this (default 120000 ms). */
  maxPollIntervalMs?: number;
  /** Told of each job submitted, waited on from an earlier run, and ended. */
  onEvent?: (event: GeminiBatchEvent) => void;
}

/** What a batch round did; the library never prints, the caller may. */
export type GeminiBatchEvent =
  | { stage: 'submitted'; job: string; calls: number; input: 'inline' | 'file'; bytes: number }
  /** A job an earlier run submitted holds calls this run makes: they wait on it. */
  | { stage: 'resumed'; job: string; calls: number }
  | {
      stage: 'ended';
      job: string;
      /** `JOB_STATE_SUCCEEDED`, `JOB_STATE_FAILED`, `JOB_STATE_EXPIRED` ... */
      state: string;
      answered: number;
      /** Calls the job left unanswered: they go again in a later round. */
      unanswered: number;
      /** Answers that came back without a key of the job; later jobs then go as files, whose lines keep their keys. */
      unkeyed: number;
      elapsedMs: number;
    };

/**
 * The most calls a job takes by default, and the sessions `--concurrency auto` runs at once in
 * batch mode: a round is only as large as the conversations waiting on it, and rounds are slow,
 * so the more conversations per round the better.
 */
export const DEFAULT_BATCH_MAX_REQUESTS = 1000;
export const DEFAULT_BATCH_SETTLE_MS = 1000;
/** The service takes inline requests up to 20 MB in all. */
export const BATCH_INLINE_LIMIT_BYTES = 20_000_000;
export const DEFAULT_BATCH_POLL_MS = 5000;
export const MAX_BATCH_POLL_MS = 120_000;
/** Each wait between two polls of a job is this much longer than the one before. */
export const BATCH_POLL_GROWTH = 1.5;
