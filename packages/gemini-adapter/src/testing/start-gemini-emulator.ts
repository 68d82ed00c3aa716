import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCooperativeResponder } from './cooperative-responder.js';
import { emulatedApiError } from './emulated-api-error.js';
import { EmulatedBatches } from './emulated-batches.js';
import { billOf, type EmulatedBill, serviceTierOf } from './emulated-bill.js';
import { EmulatedCacheStore } from './emulated-cache-store.js';
import { EmulatedFileStore } from './emulated-file-store.js';
import { latencyDrawer } from './emulated-latency.js';
import { EmulatedModels } from './emulated-models.js';
import { EmulatedQuota } from './emulated-quota.js';
import { EmulatedUploadSessions } from './emulated-upload-sessions.js';
import { liveCounters } from './emulator-counters.js';
import { FaultInjector } from './emulator-faults.js';
import type {
  EmulatedBatchJob,
  EmulatedBatchRequest,
  EmulatedGenerateBody,
  EmulatedGenerateRequest,
  EmulatedReply,
  GeminiEmulator,
  GeminiEmulatorOptions,
} from './emulator-types.js';
import { createBatch, handleBatchReads } from './handle-batches.js';
import { handleCachedContents } from './handle-cached-contents.js';
import { handleCountTokens } from './handle-count-tokens.js';
import { handleFiles } from './handle-files.js';
import { answerRequest, applicableFaults, handleGenerate, invalidBody } from './handle-generate.js';
import { handleUpload } from './handle-upload.js';
import { sendGoogleError } from './send-emulated-reply.js';
import { filePartsOf } from './wire-request.js';

const modelPath = /^\/v1beta\/models\/([^/:]+):(generateContent|countTokens|batchGenerateContent)$/;
const modelResource = /^\/v1beta\/models\/([^/:]+)$/;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a local stand-in for the Gemini Developer API on 127.0.0.1 that speaks the wire
 * protocol of @google/genai 2.32: generateContent, countTokens, the resumable Files API
 * upload and files get/list/delete, batch jobs (create inline or from a file, get, download
 * their results file), explicit context caches (`cachedContents`), with optional random
 * faults. Tests point the real SDK
 * at `baseUrl` so nothing reaches the internet.
 */
export async function startGeminiEmulator(options: GeminiEmulatorOptions = {}): Promise<GeminiEmulator> {
  let baseUrl = '';
  const store = new EmulatedFileStore(
    () => baseUrl,
    options.fileProcessingPolls ?? 0,
    options.fileFinalState ?? 'ACTIVE',
  );
  const sessions = new EmulatedUploadSessions();
  const models = new EmulatedModels(options.models);
  const faultInjector = new FaultInjector(options.faults);
  const now = options.now ?? Date.now;
  const caches = new EmulatedCacheStore(now, store);
  const quota = new EmulatedQuota({ rpm: options.rpm, tpm: options.tpm }, now);
  const latency = latencyDrawer(options.latencyMs, options.random ?? Math.random);
  const uploadLatency = latencyDrawer(options.uploadLatencyMs, options.random ?? Math.random);
  const respond = options.respond ?? createCooperativeResponder().respond;
  const requests: GeminiEmulator['requests'] = [];
  const bills: EmulatedBill[] = [];
  let countTokens = 0;

  /** Records a request of the model, generateContent or batch, for tests to look at. */
  function record(
    model: string,
    body: EmulatedGenerateBody,
    headers: IncomingMessage['headers'],
    batch?: string,
  ) {
    const recorded: EmulatedGenerateRequest = {
      index: requests.length,
      ...(batch === undefined ? {} : { batch }),
      model,
      body,
      headers,
      receivedAt: now(),
      audioSeconds: store.audioSecondsOf(filePartsOf(body.contents).map((part) => part.fileUri)),
    };
    requests.push(recorded);
    return recorded;
  }

  const billAt =
    (recorded: EmulatedGenerateRequest, tier: EmulatedBill['serviceTier']) => (answer: EmulatedReply) => {
      const bill = billOf(recorded.index, recorded.model, tier, answer, new Date(recorded.receivedAt));
      if (bill !== undefined) bills.push(bill);
    };

  /**
   * A batch request is answered as generateContent would answer it, less what only a
   * connection can do (hang, reset) and the quota, which batch jobs are not held to.
   */
  async function answerBatchRequest(
    job: EmulatedBatchJob,
    request: EmulatedBatchRequest,
  ): Promise<EmulatedReply> {
    const recorded = record(job.model, request.body, {}, job.name);
    // Batch requests cannot use explicit caches: the service refuses them.
    const invalid =
      request.body.cachedContent === undefined
        ? invalidBody(request.body)
        : 'cachedContent is not supported in batch requests';
    if (invalid !== undefined) return emulatedApiError(400, { message: invalid });
    const faults = applicableFaults(request.body, store).filter(
      (kind) => kind !== 'hang' && kind !== 'reset',
    );
    const context = { store, faults: faultInjector, respond, bill: billAt(recorded, 'batch') };
    const reply = await answerRequest(recorded, context, faults);
    return reply === 'reset' ? emulatedApiError(500) : reply;
  }
  const batches = new EmulatedBatches(options.batch ?? {}, now, answerBatchRequest);

  async function routeModel(
    model: string,
    method: string,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const bytes = await readBody(request);
    if (!models.admit(model, response)) return;
    if (method === 'batchGenerateContent') {
      await createBatch(model, bytes, response, { batches, store });
      return;
    }
    const body = JSON.parse(bytes.toString('utf8')) as EmulatedGenerateBody;
    if (method === 'countTokens') {
      countTokens += 1;
      handleCountTokens(response, body, model, store);
      return;
    }
    const recorded = record(model, body, request.headers);
    await handleGenerate(recorded, request, response, {
      store,
      caches,
      faults: faultInjector,
      respond,
      latency,
      quota,
      bill: billAt(recorded, serviceTierOf(body)),
    });
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const apiKey = request.headers['x-goog-api-key'];
    if (typeof apiKey !== 'string' || apiKey === '') {
      const message = "Method doesn't allow unregistered callers. Please use an API key.";
      sendGoogleError(response, 403, message);
      return;
    }
    if (options.apiKey !== undefined && apiKey !== options.apiKey) {
      sendGoogleError(response, 400, 'API key not valid. Please pass a valid API key.');
      return;
    }
    const modelMatch = modelPath.exec(url.pathname);
    if (request.method === 'POST' && modelMatch?.[1] !== undefined && modelMatch[2] !== undefined) {
      await routeModel(decodeURIComponent(modelMatch[1]), modelMatch[2], request, response);
      return;
    }
    const resourceMatch = modelResource.exec(url.pathname);
    if (request.method === 'GET' && resourceMatch?.[1] !== undefined) {
      const model = decodeURIComponent(resourceMatch[1]);
      models.get(model, response, options.respondToModelLookup?.(model));
      return;
    }
    if (request.method === 'POST' && url.pathname === '/upload/v1beta/files') {
      const body = await readBody(request);
      const context = {
        latency: uploadLatency,
        store,
        sessions,
        faults: faultInjector,
        baseUrl,
        options,
        body,
      };
      await handleUpload(request, response, url, context);
      return;
    }
    if (await handleBatchReads(request, response, url, batches)) return;
    if (handleFiles(request, response, url, store)) return;
    if (url.pathname.startsWith('/v1beta/cachedContents')) {
      const context = { caches, models, body: await readBody(request) };
      if (handleCachedContents(request, response, url, context)) return;
    }
    sendGoogleError(response, 404, `No emulated route for ${request.method} ${url.pathname}`);
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendGoogleError(response, 500, String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const counters = liveCounters({
    requests,
    countTokens: () => countTokens,
    sessions,
    store,
    caches,
    faults: faultInjector,
    quota,
    models,
    batches,
  });
  // Closing twice (a test and its afterEach) must not fail.
  let closing: Promise<void> | undefined;

  return {
    baseUrl,
    requests,
    batches: batches.jobs,
    bills,
    cacheBills: caches.bills,
    caches: caches.caches,
    uploads: store.uploads,
    get fileGetCount() {
      return store.fileGetCount;
    },
    counters,
    expireFile: (name) => store.expire(name),
    expireCache: (name) => caches.expire(name),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        // Hanging replies keep sockets open; close them or `close` would wait forever.
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      });
      return closing;
    },
  };
}
