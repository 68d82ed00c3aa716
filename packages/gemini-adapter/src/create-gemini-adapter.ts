import { createHash } from 'node:crypto';
import { type Content, type GenerateContentConfig, GoogleGenAI } from '@google/genai';
import {
  DEFAULT_SERVICE_TIER,
  describeTornLine,
  type ModelPort,
  type ModelRequest,
  type ModelResult,
  mediaTokenRatesOf,
  modelFactsOf,
  type RetryRecord,
  Tp2dgError,
} from '@tp2dg/entities';
import { createBatchMode } from './batch/batch-mode.js';
import { createBufferedFetch } from './buffered-fetch.js';
import { ContentHashes } from './content-hash.js';
import { deleteFiles } from './delete-files.js';
import { type CachedFile, FileUploadCache } from './file-upload-cache.js';
import type { GeminiAdapterOptions, GeminiRetryEvent } from './gemini-adapter-options.js';
import { GeminiApiError } from './gemini-api-error.js';
import { MediaHashFile } from './media-hash-file.js';
import { MessageContents } from './message-contents.js';
import { createModelLookup } from './model-lookup.js';
import { partMediaResolutionLevel } from './part-media-resolution.js';
import { createCallQuota } from './quota/call-quota.js';
import { heardDurationReader, MediaDurations } from './quota/media-durations.js';
import type { QuotaStatus } from './quota/quota-types.js';
import { raceAgainstSignal } from './race-against-signal.js';
import { type RetrySettings, runWithRetries } from './run-with-retries.js';
import { DEFAULT_FLEX_MAX_ATTEMPTS, DEFAULT_FLEX_TIMEOUT_MS, ServiceTierPlan } from './service-tier-plan.js';
import { toModelResult } from './to-model-result.js';
import { uploadFile } from './upload-file.js';
import { UploadLedger } from './upload-ledger.js';
import { UploadSources } from './upload-sources.js';

const defaultTimeoutMs = 120_000;
const defaultMaxAttempts = 5;

function defaultSleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function describeCall(model: string, request: ModelRequest): string {
  const { agent, turn, template, attempt } = request.label;
  const turnText = turn === null ? '' : `, turn ${turn}`;
  return `Gemini generateContent (${model}, agent ${agent}${turnText}, template ${template}, reply attempt ${attempt})`;
}

/** The model port, plus the lifecycle of the files it uploaded. */
export interface GeminiAdapter extends ModelPort {
  /** Deletes from the service every file this adapter uploaded, and drops them from the ledger. */
  deleteUploads(): Promise<number>;
  /** Waits, cap on calls in flight and estimate factor of the scheduler (`rpm`, `tpm`, 429s). */
  quotaStatus(): QuotaStatus;
}

/** Who owns uploaded files (service and key), as a hash: the ledger never holds the key. */
function accountOf(apiKey: string, baseUrl: string | undefined): string {
  return createHash('sha256')
    .update(`${baseUrl ?? 'google'}\u0000${apiKey}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * The service forgets files after 48 h: a prompt that still references one gets 400, 403 or
 * 404 naming the File. Other such errors (bad key, unknown model) do not mention a file.
 */
function isForgottenFileError(error: unknown): boolean {
  const fileStatuses = [400, 403, 404];
  if (!GeminiApiError.isInstance(error) || !fileStatuses.includes(error.status ?? 0)) return false;
  // The cause holds the service's own error body, free of our advice text.
  return error.cause instanceof Error && /\bfiles?\b/i.test(error.cause.message);
}

/**
 * Creates the Gemini implementation of the model port. Each call sends the full history the
 * caller keeps (never SDK chats, which drop blocked turns and lose the system instruction),
 * uploads file parts once through the Files API, and retries transient failures itself.
 */
export function createGeminiAdapter(options: GeminiAdapterOptions): GeminiAdapter {
  const env = options.env ?? process.env;
  // Never the SDK's own lookup: without a key it would fall back to Google credentials.
  const apiKey = options.apiKey || env.GOOGLE_API_KEY || env.GEMINI_API_KEY || '';
  if (apiKey.trim() === '') {
    throw new Tp2dgError('MISSING_API_KEY', 'No Gemini API key: set GEMINI_API_KEY or pass apiKey.');
  }
  const baseUrl = options.baseUrl || env.GOOGLE_GEMINI_BASE_URL || undefined;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const httpOptions = baseUrl === undefined ? {} : { baseUrl };
  // No SDK retryOptions: our loop honours RetryInfo and retries network errors, the SDK's does not.
  const client = new GoogleGenAI({ apiKey, httpOptions: { ...httpOptions, fetch: createBufferedFetch() } });
  // files.upload ignores abort signals, so its client carries a timeout of its own as a backstop.
  const filesClient = new GoogleGenAI({
    apiKey,
    httpOptions: { ...httpOptions, timeout: timeoutMs },
  });
  const retrySettings: RetrySettings = {
    apiKey,
    maxAttempts: Math.max(1, options.maxAttempts ?? defaultMaxAttempts),
    timeoutMs,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
  };
  const uploadSettings = {
    ...retrySettings,
    pollIntervalMs: options.filePollIntervalMs ?? 1000,
    maxPolls: options.maxFilePolls ?? 300,
  };
  const serviceTier = options.serviceTier ?? DEFAULT_SERVICE_TIER;
  const flexTimeoutMs = options.flexTimeoutMs ?? DEFAULT_FLEX_TIMEOUT_MS;
  const flexMaxAttempts = Math.max(1, options.flexMaxAttempts ?? DEFAULT_FLEX_MAX_ATTEMPTS);
  const now = options.now ?? Date.now;
  const facts = options.modelFacts ?? modelFactsOf(options.model);
  const quota = createCallQuota({
    rpm: options.rpm,
    tpm: options.tpm,
    media: mediaTokenRatesOf(facts, options.mediaResolution),
    now,
    sleep: options.sleep,
    durations: new MediaDurations(heardDurationReader(options.audioSnippets?.settings)),
  });
  const lookUpModel = createModelLookup(client, options.model, {
    ...retrySettings,
    onRetry: options.onRetry,
  });
  const ledger = UploadLedger.open(options.uploadLedger, accountOf(apiKey, baseUrl)).then((opened) => {
    if (opened.torn !== undefined) {
      options.onWarning?.(describeTornLine(opened.torn, 'the upload it recorded is made again when needed'));
    }
    return opened;
  });
  const sources = new UploadSources(options.audioSnippets);
  const hashes = MediaHashFile.open(options.mediaHashes).then((opened) => {
    if (opened.torn !== undefined) {
      options.onWarning?.(describeTornLine(opened.torn, 'the file it recorded is hashed again when needed'));
    }
    return opened;
  });
  const cache = new FileUploadCache(
    (path, mimeType, onRetry) =>
      uploadFile(
        filesClient,
        path,
        mimeType,
        onRetry === undefined ? uploadSettings : { ...uploadSettings, onRetry },
        sources.displayNameOf(path),
      ),
    now,
    ledger,
    new ContentHashes(now, hashes),
  );
  // A model that reads every image at its default is sent no resolution it might refuse.
  const imageLevel =
    facts.media.media_resolution_per_part && options.mediaResolution !== undefined
      ? partMediaResolutionLevel(options.mediaResolution)
      : undefined;
  const messageContents = new MessageContents(cache, now, imageLevel);
  const batch =
    options.batch === undefined
      ? undefined
      : createBatchMode(options.batch, {
          client,
          filesClient,
          model: options.model,
          account: accountOf(apiKey, baseUrl),
          settings: uploadSettings,
          now,
          sleep: options.sleep,
          onWarning: options.onWarning,
        });

  /** Reports each retry to the caller's `onRetry` and keeps it for the call's result. */
  function recorder(retries: RetryRecord[]) {
    return (event: GeminiRetryEvent) => {
      const { operation, attempt, status, reason, delayMs, message } = event;
      retries.push({ operation, attempt, status, reason, delayMs, message });
      options.onRetry?.(event);
    };
  }

  async function buildContents(
    request: ModelRequest,
    used: CachedFile[],
    retries: RetryRecord[],
  ): Promise<Content[]> {
    const contents = messageContents.of(
      request.messages,
      async (path, mimeType) => {
        const source = await sources.of(path, mimeType);
        return cache.resolve(source.path, source.mimeType, recorder(retries));
      },
      used,
    );
    // Uploads are shared between callers, so one caller's abort only stops its own wait.
    // One race per request, not per file: a pool's media would pile listeners on the signal.
    return raceAgainstSignal(contents, request.signal);
  }

  /** What a call asks of the model, the same sent alone or in a batch. */
  function requestConfig(request: ModelRequest): GenerateContentConfig & { systemInstruction?: string } {
    return {
      ...(request.systemInstruction === undefined ? {} : { systemInstruction: request.systemInstruction }),
      ...(request.responseJsonSchema === undefined
        ? {}
        : { responseMimeType: 'application/json', responseJsonSchema: request.responseJsonSchema }),
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.thinkingBudget === undefined
        ? {}
        : { thinkingConfig: { thinkingBudget: options.thinkingBudget } }),
      ...(options.maxOutputTokens === undefined ? {} : { maxOutputTokens: options.maxOutputTokens }),
      // Each later attempt of a call (a re-ask, a resend after an empty reply) gets its own
      // seed: with the same one the model would likely give the same unusable answer.
      ...(options.seed === undefined ? {} : { seed: options.seed + request.label.attempt - 1 }),
    };
  }

  async function generateWith(
    request: ModelRequest,
    contents: Content[],
    retries: RetryRecord[],
  ): Promise<ModelResult> {
    if (batch !== undefined) {
      const target = {
        description: `${describeCall(options.model, request)} in batch mode`,
        label: request.label,
        signal: request.signal,
      };
      const response = await batch(contents, requestConfig(request), target, {
        ...retrySettings,
        onRetry: recorder(retries),
      });
      return { ...toModelResult(response), retries, serviceTier: 'batch' };
    }
    const plan = new ServiceTierPlan(serviceTier, options.flexFallback ?? 0);
    const flex = serviceTier === 'flex';
    const timeout = request.timeoutMs ?? (flex ? flexTimeoutMs : retrySettings.timeoutMs);
    const record = recorder(retries);
    const settings = {
      ...retrySettings,
      timeoutMs: timeout,
      maxAttempts: flex ? flexMaxAttempts : retrySettings.maxAttempts,
      onRetry: (event: GeminiRetryEvent) => {
        plan.noteRetry(event);
        record(event);
      },
    };
    let sentAt = plan.tier;
    const target = {
      operation: 'generate' as const,
      description: describeCall(options.model, request),
      label: request.label,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
      admit: await quota.gateFor(request),
    };
    const response = await runWithRetries(
      (signal) => {
        sentAt = plan.tier;
        return client.models.generateContent({
          model: options.model,
          contents,
          // The tier is always sent, standard included, so the wire says which tier each call asked for.
          config: {
            ...requestConfig(request),
            abortSignal: signal,
            serviceTier: sentAt as GenerateContentConfig['serviceTier'],
          },
        });
      },
      target,
      settings,
    );
    return { ...toModelResult(response), retries, serviceTier: sentAt };
  }

  /**
   * The contents with every file uploaded, once the model is known to be served; an abort while
   * waiting for either is ABORTED.
   */
  async function uploadedContents(
    request: ModelRequest,
    used: CachedFile[],
    retries: RetryRecord[],
  ): Promise<Content[]> {
    return raceAgainstSignal(lookUpModel(), request.signal)
      .then(() => buildContents(request, used, retries))
      .catch((error: unknown) => {
        if (!request.signal?.aborted) throw error;
        throw new Tp2dgError(
          'ABORTED',
          `${describeCall(options.model, request)} was aborted before it was sent (model lookup or file upload).`,
        );
      });
  }

  async function generate(request: ModelRequest): Promise<ModelResult> {
    if (request.signal?.aborted) {
      throw new Tp2dgError('ABORTED', `${describeCall(options.model, request)} was aborted.`);
    }
    const used: CachedFile[] = [];
    const retries: RetryRecord[] = [];
    const contents = await uploadedContents(request, used, retries);
    try {
      return await generateWith(request, contents, retries);
    } catch (error) {
      if (used.length === 0 || !isForgottenFileError(error)) throw error;
      // A cached file expired on the service side: upload the files again, then retry once.
      const { status, message } = error as GeminiApiError;
      const label = request.label;
      recorder(retries)({
        operation: 'generate',
        attempt: 1,
        maxAttempts: 2,
        delayMs: 0,
        status,
        reason: 'http',
        message,
        label,
      });
      cache.forget(used);
      return generateWith(request, await uploadedContents(request, [], retries), retries);
    }
  }

  async function deleteUploads(): Promise<number> {
    const files = cache.uploaded.splice(0);
    const gone = await deleteFiles(filesClient, files, retrySettings);
    // What could not be deleted stays listed, for a later cleanup to find.
    cache.uploaded.push(...files.filter((file) => !gone.includes(file)));
    await (await ledger).remove(new Set(gone.map((file) => file.name)));
    return gone.length;
  }

  return {
    provider: 'gemini',
    model: options.model,
    generate,
    deleteUploads,
    quotaStatus: () => quota.status(),
  };
}
