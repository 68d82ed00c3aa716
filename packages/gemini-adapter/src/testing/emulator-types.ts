import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatedBill } from './emulated-bill.js';
import type { EmulatedLatency } from './emulated-latency.js';
import type { EmulatorFaultOptions, FaultKind } from './emulator-faults.js';

/** A `generateContent` body as @google/genai 2.32 puts it on the wire (camelCase JSON). */
export interface EmulatedGenerateBody {
  contents: Array<{ role?: string; parts: Array<Record<string, unknown>> }>;
  systemInstruction?: { role?: string; parts: Array<Record<string, unknown>> };
  generationConfig?: Record<string, unknown>;
  [field: string]: unknown;
}

/** The explicit context cache a generateContent request names (`cachedContent`), as its model reads it. */
export interface EmulatedCacheUse {
  /** `cachedContents/<id>`. */
  name: string;
  systemInstruction: EmulatedGenerateBody['systemInstruction'];
  /** What the cache holds: these come before the request's own contents. */
  contents: EmulatedGenerateBody['contents'];
  /** Its tokens by modality, billed at the cached price on each use. */
  tokens: { text: number; image: number; audio: number };
}

/** One `POST /v1beta/models/{model}:generateContent` the emulator received, or one request of a batch job it ran. */
export interface EmulatedGenerateRequest {
  /** 0-based position among all requests this emulator answered or refused, batch requests included. */
  index: number;
  /** The batch job it came in (`batches/...`); absent for a generateContent request. */
  batch?: string;
  model: string;
  body: EmulatedGenerateBody;
  headers: IncomingHttpHeaders;
  /** When it arrived, by the emulator's clock (`now`): what its quota counts. */
  receivedAt: number;
  /**
   * The playing time of each stored audio file the request uses, by `fileUri`: what its audio
   * is billed for (32 tokens a second). Files that are gone or hold no readable audio are absent.
   */
  audioSeconds: Readonly<Record<string, number>>;
  /**
   * Set when the body names a cache (`cachedContent`): what the cache holds. `body` stays what
   * was sent; the model reads the cache's system instruction and contents before it.
   */
  cachedContent?: EmulatedCacheUse;
}

/** An explicit context cache the emulator made (`POST cachedContents`). */
export interface EmulatedCache {
  /** `cachedContents/<id>`. */
  name: string;
  /** The model id, without `models/`. */
  model: string;
  displayName: string | undefined;
  /** Its tokens, counted as a prompt is. */
  tokens: number;
  /** By the emulator's clock (`now`). */
  createdAt: number;
  expiresAt: number;
  deleted: boolean;
}

/** What the emulated service charged for a cache: its creation, or storage for the lifetime asked. */
export interface EmulatedCacheBill {
  cache: string;
  model: string;
  /**
   * `creation`: the cache's tokens once at the input price. `storage`: its tokens x the seconds
   * of life asked at creation, or added by an update, at the storage price per hour.
   */
  kind: 'creation' | 'storage';
  /** At the default price table's list prices of that day; null for an unpriced model. */
  usd: number | null;
}

/** A successful answer; with `blockReason` the prompt is reported blocked and no candidate is sent. */
export interface EmulatedSuccess {
  text?: string;
  /** Candidate finish reason, `STOP` by default. */
  finishReason?: string;
  usageMetadata?: Record<string, unknown>;
  blockReason?: string;
}

/** Any raw HTTP answer, typically an error built with `emulatedApiError`. */
export interface EmulatedHttpReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Never answer: the client has to time out or abort. */
export interface EmulatedHang {
  hang: true;
}

export type EmulatedReply = EmulatedSuccess | EmulatedHttpReply | EmulatedHang;

/** One request of a batch job, as the client sent it. */
export interface EmulatedBatchRequest {
  /** Its key: `metadata.key` of an inline request, `key` of a line of an input file. */
  key: string | undefined;
  /** An inline request's metadata, given back with its response (unless `dropInlineMetadata`). */
  metadata: Record<string, string> | undefined;
  body: EmulatedGenerateBody;
}

/** A batch job the emulator was asked to run (`POST models/{m}:batchGenerateContent`). */
export interface EmulatedBatchJob {
  /** `batches/<id>`. */
  name: string;
  /** 0-based position among the jobs created. */
  index: number;
  model: string;
  /** Requests given inline, or in an uploaded JSON-lines file. */
  input: 'inline' | 'file';
  requests: EmulatedBatchRequest[];
  /** By the emulator's clock (`now`). */
  createdAt: number;
  /** `GET batches/{id}` answered for it. */
  gets: number;
}

export type EmulatedBatchState = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED' | 'EXPIRED';

/** How a batch job ends when not SUCCEEDED. */
export interface EmulatedBatchOutcome {
  state: 'FAILED' | 'CANCELLED' | 'EXPIRED';
  /** How many of its first requests were answered before it ended (none by default). */
  answered?: number;
}

export interface EmulatedBatchOptions {
  /** How long a job stays PENDING, by the emulator's clock (`now`); 0 by default. */
  pendingMs?: number;
  /** How long a job then stays RUNNING before its requests are answered; 0 by default: done when created. */
  runningMs?: number;
  /** Ends a job otherwise than SUCCEEDED; undefined lets it succeed. */
  outcome?: (job: EmulatedBatchJob) => EmulatedBatchOutcome | undefined;
  /** Leave each inline response's `metadata` out, as the service has been seen to. */
  dropInlineMetadata?: boolean;
}

/** A file stored through the resumable upload protocol. */
export interface RecordedUpload {
  /** `files/<id>`, as the Files API names it. */
  name: string;
  uri: string;
  displayName: string | undefined;
  mimeType: string;
  sizeBytes: number;
  bytes: Buffer;
  /** How long an audio file plays, read from its bytes; undefined for other files and unreadable audio. */
  audioSeconds: number | undefined;
  /** Headers of the upload start request. */
  headers: IncomingHttpHeaders;
}

/** What the upload start request announced; given to `respondToUploadStart`. */
export interface UploadStartInfo {
  index: number;
  displayName: string | undefined;
  mimeType: string;
}

export interface GeminiEmulatorOptions {
  /**
   * The model ids served (`models/` prefixes and stable version suffixes accepted); every model
   * of the default price table that is not retired by default. Any other answers 404 NOT_FOUND
   * on a lookup, generateContent and countTokens, as a retired model does. Each model is billed
   * by the table's figures (an unlisted one by those assumed of it): images by the media
   * resolution their part asks for, thinking by the request's budget or the model's default.
   */
  models?: readonly string[];
  /** Answers generateContent; a cooperative responder (`createCooperativeResponder`) by default. */
  respond?: (request: EmulatedGenerateRequest) => EmulatedReply | Promise<EmulatedReply>;
  /** When set, any other `x-goog-api-key` is rejected with 400 API_KEY_INVALID, as Google does. */
  apiKey?: string;
  /** How many `files.get` calls report PROCESSING before the final state (default 0: ACTIVE at once). */
  fileProcessingPolls?: number;
  /** State a file reaches after processing (default ACTIVE). */
  fileFinalState?: 'ACTIVE' | 'FAILED';
  /** Return a reply to fail an upload start on demand; `undefined` lets it proceed. */
  respondToUploadStart?: (upload: UploadStartInfo) => EmulatedHttpReply | EmulatedHang | undefined;
  /** Return a reply to fail a model lookup (`GET models/{m}`) of a served model; `undefined` answers it. */
  respondToModelLookup?: (model: string) => EmulatedHttpReply | undefined;
  /** Random faults by kind; each one applied is counted in `counters.faults`. */
  faults?: EmulatorFaultOptions;
  /**
   * Delay before each accepted generateContent answer: a fixed number of ms (default 0) or
   * a uniform spread `{meanMs, jitterMs}` drawn with `random`.
   */
  latencyMs?: EmulatedLatency;
  /**
   * Delay before each upload's finalizing chunk is stored and answered, like `latencyMs`:
   * keeps uploads in flight, so a test can stop a client in the middle of them.
   */
  uploadLatencyMs?: EmulatedLatency;
  /** Uniform in [0, 1) for the latency spreads; `Math.random` by default. */
  random?: () => number;
  /**
   * Requests per minute accepted per emulator; a request over it gets 429 RESOURCE_EXHAUSTED
   * with a `RetryInfo.retryDelay`, as Gemini does, and is not counted. Unlimited by default.
   */
  rpm?: number;
  /** Prompt tokens per minute (as the emulated usage counts them), enforced like `rpm`. */
  tpm?: number;
  /**
   * Clock in ms for the quota's sliding minute, `receivedAt`, batch jobs, and the lifetime (and
   * storage bill) of caches; `Date.now` by default.
   */
  now?: () => number;
  /**
   * Batch jobs (`batchGenerateContent`): how long they take and how they end. Each request of a
   * job is answered as a generateContent request would be (faults other than hangs and resets,
   * file checks, `respond`) and billed at the price table's batch discount.
   */
  batch?: EmulatedBatchOptions;
}

/** What the emulator served, for tests to compare with what a client recorded. */
export interface EmulatorCounters {
  /** `generateContent` requests received for a served model, faulted ones included. */
  readonly generateRequests: number;
  /** Batch jobs created. */
  readonly batchCreations: number;
  /** `GET batches/{id}` polls, of known jobs or not. */
  readonly batchGets: number;
  /** Requests received in batch jobs. */
  readonly batchRequests: number;
  /** Batch results files downloaded (`files/{id}:download`). */
  readonly resultDownloads: number;
  readonly countTokens: number;
  /** `GET models/{m}` lookups, answered or not. */
  readonly modelLookups: number;
  /** Lookups, generateContent and countTokens requests answered 404 for a model not served. */
  readonly unservedModelRequests: number;
  /** Upload start requests, failed ones included. */
  readonly uploadStarts: number;
  /** Uploads finalized into a stored file (and answered, or being answered). */
  readonly uploads: number;
  readonly fileGets: number;
  readonly fileLists: number;
  readonly fileDeletes: number;
  /** Faults applied, by kind. */
  readonly faults: Readonly<Record<FaultKind, number>>;
  /** generateContent requests refused with 429 by the `rpm` or `tpm` quota (not faults). */
  readonly quotaRejections: Readonly<{ rpm: number; tpm: number }>;
  /** `cachedContents` requests, by method: create, get, list, update (PATCH) and delete. */
  readonly cacheRequests: Readonly<{
    create: number;
    get: number;
    list: number;
    update: number;
    delete: number;
  }>;
}

export interface GeminiEmulator {
  /** `http://127.0.0.1:<port>`: pass it as `baseUrl`. */
  readonly baseUrl: string;
  /** Every generateContent request, and every batch request once its job ran. */
  readonly requests: EmulatedGenerateRequest[];
  /** The batch jobs created, in order. */
  readonly batches: readonly EmulatedBatchJob[];
  /** What each answered request was charged: flex and batch at the table's discounts. */
  readonly bills: readonly EmulatedBill[];
  /** What each cache was charged apart from its uses: its creation, and its storage. */
  readonly cacheBills: readonly EmulatedCacheBill[];
  /** Every cache made, live or not (see `deleted`, `expiresAt`). */
  readonly caches: readonly EmulatedCache[];
  readonly uploads: RecordedUpload[];
  /** Number of `GET /v1beta/files/{id}` requests served, to check polling. */
  readonly fileGetCount: number;
  /** Live counts of what was served and which faults were applied. */
  readonly counters: EmulatorCounters;
  /** Forget a file as the service does after 48 h: later uses answer 403, gets 404. */
  expireFile(name: string): void;
  /** Forget a cache as the service does when its TTL passes: later uses answer 404. */
  expireCache(name: string): void;
  close(): Promise<void>;
}
