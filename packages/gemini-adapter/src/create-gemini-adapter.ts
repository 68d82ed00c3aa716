import { type Content, GoogleGenAI } from '@google/genai';
import { estimateInputTokens } from '@tp2dg/call-quota';
import {
  DEFAULT_SERVICE_TIER,
  describeTornLine,
  type ModelCallError,
  type ModelPort,
  type ModelRequest,
  type ModelResult,
  mediaTokenRatesOf,
  type RetryRecord,
  type TornLine,
  Tp2dgError,
} from '@tp2dg/entities';
import { accountOf } from './account-of.js';
import { createBatchMode } from './batch/batch-mode.js';
import { createBufferedFetch } from './buffered-fetch.js';
import { ContentHashes } from './content-hash.js';
import { CacheLedger } from './context-cache/cache-ledger.js';
import type { CachedCall, ConversationCaches } from './context-cache/conversation-caches.js';
import { createExplicitCaching } from './context-cache/explicit-caching.js';
import { type CachedFile, FileUploadCache } from './file-upload-cache.js';
import { isForgottenCacheError, isForgottenFileError } from './forgotten-resource.js';
import { GEMINI_PROVIDER, type GeminiAdapter } from './gemini-adapter.js';
import type { GeminiAdapterOptions, GeminiRetryEvent } from './gemini-adapter-options.js';
import { generateConfig, requestConfig } from './generate-config.js';
import { MediaHashFile } from './media-hash-file.js';
import { MessageContents } from './message-contents.js';
import { createModelLookup } from './model-lookup.js';
import { partMediaResolutionLevel } from './part-media-resolution.js';
import { modelFactsOf } from './prices/gemini-prices.js';
import { createGeminiCallQuota } from './quota/gemini-call-quota.js';
import { heardDurationReader, MediaDurations } from './quota/media-durations.js';
import { raceAgainstSignal } from './race-against-signal.js';
import { retryRecorder } from './retry-recorder.js';
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
  const media = mediaTokenRatesOf(facts, options.mediaResolution);
  const durations = new MediaDurations(heardDurationReader(options.audioSnippets?.settings));
  const quota = createGeminiCallQuota({
    rpm: options.rpm,
    tpm: options.tpm,
    media,
    now,
    sleep: options.sleep,
    durations,
  });
  const lookUpModel = createModelLookup(client, options.model, {
    ...retrySettings,
    onRetry: options.onRetry,
  });
  /** Opens a JSON-lines file of the output, and says what a last line cut short costs. */
  function warnOfTornLine<T extends { torn: TornLine | undefined }>(opening: Promise<T>, cost: string) {
    return opening.then((opened) => {
      if (opened.torn !== undefined) options.onWarning?.(describeTornLine(opened.torn, cost));
      return opened;
    });
  }
  const account = accountOf(apiKey, baseUrl);
  const ledger = warnOfTornLine(
    UploadLedger.open(options.uploadLedger, account),
    'the upload it recorded is made again when needed',
  );
  const explicitCaching = createExplicitCaching({
    client,
    model: options.model,
    settings: retrySettings,
    ledger: warnOfTornLine(
      CacheLedger.open(options.cacheLedger, account),
      'the cache it recorded is left to its TTL',
    ),
    now,
    minTokens: options.explicitCacheMinTokens,
    estimateTokens: (prefix) =>
      estimateInputTokens(prefix, (path, mimeType) => durations.of(path, mimeType), media),
  });
  const sources = new UploadSources(options.audioSnippets);
  const hashes = warnOfTornLine(
    MediaHashFile.open(options.mediaHashes),
    'the file it recorded is hashed again when needed',
  );
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
          account,
          settings: uploadSettings,
          now,
          sleep: options.sleep,
          onWarning: options.onWarning,
        });

  const recorder = (retries: RetryRecord[]) => retryRecorder(retries, options.onRetry);

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

  /** How long one attempt of the request may take. */
  function attemptTimeoutOf(request: ModelRequest): number {
    return request.timeoutMs ?? (serviceTier === 'flex' ? flexTimeoutMs : retrySettings.timeoutMs);
  }

  async function generateWith(
    request: ModelRequest,
    contents: Content[],
    retries: RetryRecord[],
    cached: CachedCall | undefined,
  ): Promise<ModelResult> {
    if (batch !== undefined) {
      const target = {
        description: `${describeCall(options.model, request)} in batch mode`,
        label: request.label,
        signal: request.signal,
      };
      const response = await batch(contents, requestConfig(request, options), target, {
        ...retrySettings,
        onRetry: recorder(retries),
      });
      return { ...toModelResult(response), retries, serviceTier: 'batch' };
    }
    const plan = new ServiceTierPlan(serviceTier, options.flexFallback ?? 0);
    const flex = serviceTier === 'flex';
    const record = recorder(retries);
    const settings = {
      ...retrySettings,
      timeoutMs: attemptTimeoutOf(request),
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
        const send = () =>
          client.models.generateContent({
            model: options.model,
            contents: cached?.contents ?? contents,
            config: generateConfig(request, options, signal, sentAt, cached?.cachedContent),
          });
        return cached === undefined ? send() : cached.keepAlive(signal).then(send);
      },
      target,
      settings,
    );
    const result = toModelResult(response);
    const usage = cached === undefined ? result.usage : cached.settle(result.usage);
    return { ...result, usage, retries, serviceTier: sentAt };
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

  /** `conversation`: the explicit caches of the conversation the call belongs to, if any. */
  async function generate(request: ModelRequest, conversation?: ConversationCaches): Promise<ModelResult> {
    if (request.signal?.aborted) {
      throw new Tp2dgError('ABORTED', `${describeCall(options.model, request)} was aborted.`);
    }
    const used: CachedFile[] = [];
    const retries: RetryRecord[] = [];
    let contents = await uploadedContents(request, used, retries);
    const send = async () => {
      const cached = await conversation?.prepare(
        request,
        contents,
        attemptTimeoutOf(request),
        recorder(retries),
      );
      return generateWith(request, contents, retries, cached);
    };
    try {
      return await send();
    } catch (error) {
      const forgottenFile = used.length > 0 && isForgottenFileError(error);
      if (!forgottenFile && (conversation === undefined || !isForgottenCacheError(error))) throw error;
      // The service forgot a file (48 h) or a cache (its TTL): renew it, then retry once.
      const { status, message } = error as ModelCallError;
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
      if (forgottenFile) {
        cache.forget(used);
        contents = await uploadedContents(request, [], retries);
      } else {
        await conversation?.forget(request);
      }
      return send();
    }
  }

  function forConversation(): ModelPort {
    const conversation = explicitCaching.forConversation();
    return {
      provider: GEMINI_PROVIDER,
      model: options.model,
      generate: (request) => generate(request, conversation),
      close: async () => conversation?.close(),
    };
  }

  return {
    provider: GEMINI_PROVIDER,
    model: options.model,
    generate: (request) => generate(request),
    forConversation,
    deleteUploads: () =>
      cache.deleteUploaded(
        {
          remove: (file, signal) =>
            filesClient.files.delete({ name: file.name, config: { abortSignal: signal } }),
          describe: (file) => `Gemini file deletion of ${file.name}`,
        },
        retrySettings,
      ),
    deleteLeftoverCaches: () => explicitCaching.deleteLeftovers(),
    deleteCaches: () => explicitCaching.deleteAll(),
    quotaStatus: () => quota.status(),
  };
}
