import type { SnippetMaker } from '@tp2dg/audio-snippets';
import type { CallLabel, MediaResolution, ModelFacts, RetryOperation, ServiceTier } from '@tp2dg/entities';
import type { GeminiBatchOptions } from './batch/batch-options.js';

/** Reported before each retry, so callers can log or count retries (the library never prints). */
export interface GeminiRetryEvent {
  /**
   * What was being retried: the model lookup, a generateContent call or a batch job, a file
   * upload or state poll (`file`), a deletion, or the creation or listing of context caches.
   */
  operation: RetryOperation;
  /** The attempt that just failed, from 1. */
  attempt: number;
  maxAttempts: number;
  /** How long the adapter waits before the next attempt. */
  delayMs: number;
  /** HTTP status, or null for a timeout, a network failure or a batch job that left the call unanswered. */
  status: number | null;
  /** `batch`: the batch job the call was in ended without its answer; it goes in the next round. */
  reason: 'http' | 'network' | 'timeout' | 'batch';
  /** What failed, with the API key removed. */
  message: string;
  /** The call label of a generate retry. */
  label?: CallLabel;
}

export interface GeminiAdapterOptions {
  /** The key; else `GOOGLE_API_KEY`, then `GEMINI_API_KEY` from `env` (the SDK's order). */
  apiKey?: string;
  /** Model id, e.g. `gemini-3.5-flash-lite`. */
  model: string;
  /**
   * What the price table says of the model: whether it takes a media resolution per part, and
   * what an image and a second of audio count (for the `tpm` estimate). The default table's
   * entry when absent, or what is assumed of a model it does not list.
   */
  modelFacts?: ModelFacts;
  /**
   * Sent on every image part to a model that takes it per part (Gemini 3+: 280, 560 or 1,120
   * tokens an image); models that do not read images at their default. None sent when absent.
   */
  mediaResolution?: MediaResolution;
  /** Service root; else `GOOGLE_GEMINI_BASE_URL` from `env`. Tests pass an emulator's. */
  baseUrl?: string;
  /** Where the key and base URL are looked up when not given; `process.env` by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Limit per attempt in ms (default 120000); a request's own `timeoutMs` wins. */
  timeoutMs?: number;
  /** Attempts per call, the first included (default 5; flex calls: `flexMaxAttempts`). */
  maxAttempts?: number;
  /**
   * Sent as `serviceTier` on every generateContent call (default standard). Each result says
   * the tier it was served at, which prices it.
   */
  serviceTier?: ServiceTier;
  /**
   * Batch mode: every call goes through the Batch API in rounds (see `GeminiBatchOptions`),
   * billed at the batch discount; `serviceTier`, `rpm` and `tpm` then do nothing. Each result's
   * `serviceTier` is `batch`. Calls are sent one by one when absent.
   */
  batch?: GeminiBatchOptions;
  /** Limit per attempt of a flex call in ms (default 900000: flex may take up to 15 min). */
  flexTimeoutMs?: number;
  /** Attempts of a flex call, the first included (default 8): sheds (429, 503) are expected. */
  flexMaxAttempts?: number;
  /** Resend a flex call at standard after this many sheds of that call; 0 (default) never. */
  flexFallback?: number;
  temperature?: number;
  /**
   * A JSON-lines file of uploads (in the output directory) that a later run within the files'
   * 48 h lifetime reuses instead of uploading again; none by default. Every upload is in it
   * before its file is used; one that cannot be written fails the call with OUTPUT_WRITE.
   */
  uploadLedger?: string;
  /**
   * Cuts audio clips into the snippets that are uploaded in their place (`--clip-seconds`),
   * each under its clip's file name; the `tpm` estimate counts the snippet's seconds. Requests
   * still name the clips. Absent, files are uploaded as they are.
   */
  audioSnippets?: SnippetMaker;
  /**
   * A JSON-lines file of media content hashes by path, size and mtime (beside the upload
   * ledger), so a later run finds the uploads of unchanged files without reading and hashing
   * every file again; none by default. A file that cannot be written fails the call with
   * OUTPUT_WRITE.
   */
  mediaHashes?: string;
  /**
   * Explicit context caching: the model's minimum tokens for a cache (the price table's
   * `explicit_cache_min_tokens`). With it, each chat of a `forConversation()` port whose
   * system instruction and priming message (up to its last media part) reach it gets a cache,
   * made at its first call and used by all its calls. Absent, no cache is made (the service's
   * implicit caching, which cannot be turned off, still applies).
   */
  explicitCacheMinTokens?: number;
  /**
   * A JSON-lines file of the context caches made (beside the upload ledger), so a later run
   * reuses a cache still alive for the same prefix and deletes those nothing reuses
   * (`deleteLeftoverCaches`); none by default. One that cannot be written fails the call with
   * OUTPUT_WRITE.
   */
  cacheLedger?: string;
  /** Thinking tokens allowed per call (0 turns thinking off on Flash models). Billed as output. */
  thinkingBudget?: number;
  /** Cap on output tokens per call; a reply cut by it comes back with finish reason MAX_TOKENS. */
  maxOutputTokens?: number;
  seed?: number;
  /**
   * Requests per minute allowed for this model (the project's RPM limit). Every attempt,
   * retries included, waits for room in a sliding minute; unlimited when absent.
   */
  rpm?: number;
  /**
   * Input tokens per minute allowed for this model (the project's TPM limit), estimated
   * before each attempt (text, audio duration, images) and corrected from the usage returned.
   */
  tpm?: number;
  /** Waits between retries and file polls; inject a fake in tests. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Source of backoff jitter in [0, 1); inject a fixed one in tests. */
  random?: () => number;
  /**
   * Clock in ms: re-uploads cached files close to their 48 h expiry, times the rate windows,
   * spaces the checks of whether a media file changed (at most one a second per file), and
   * times the TTL of context caches.
   */
  now?: () => number;
  /** Pause between `files.get` polls while a file is PROCESSING (default 1000). */
  filePollIntervalMs?: number;
  /** Polls before giving up on a file that stays PROCESSING (default 300). */
  maxFilePolls?: number;
  onRetry?: (event: GeminiRetryEvent) => void;
  /** Told what the user should know that does not stop the run: a ledger line cut short. */
  onWarning?: (message: string) => void;
}
