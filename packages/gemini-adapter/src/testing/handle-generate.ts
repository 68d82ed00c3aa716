import type { IncomingMessage, ServerResponse } from 'node:http';
import { totalTokens } from '@tp2dg/entities';
import { emulatedApiError } from './emulated-api-error.js';
import { serviceTierOf } from './emulated-bill.js';
import type { EmulatedCacheStore } from './emulated-cache-store.js';
import type { EmulatedFileStore } from './emulated-file-store.js';
import type { EmulatedQuota } from './emulated-quota.js';
import { estimatePromptTokens } from './emulated-usage.js';
import type { FaultInjector, FaultKind } from './emulator-faults.js';
import type {
  EmulatedCacheUse,
  EmulatedGenerateBody,
  EmulatedGenerateRequest,
  EmulatedReply,
} from './emulator-types.js';
import { blockedReply, malformedReply, wrongTrackIdReply } from './fault-replies.js';
import { sendEmulatedReply, sendGoogleError } from './send-emulated-reply.js';
import { filePartsOf, promptBodyOf, replyKeysOf, type WireContent } from './wire-request.js';
import { poolTrackIdsOf } from './wire-track-pool.js';

/** What answering one request takes, whichever endpoint received it. */
export interface AnswerContext {
  store: EmulatedFileStore;
  faults: FaultInjector;
  respond: (request: EmulatedGenerateRequest) => EmulatedReply | Promise<EmulatedReply>;
  /** Told of each answer billed (one with usage), to keep the bill. */
  bill: (reply: EmulatedReply) => void;
}

export interface GenerateContext extends AnswerContext {
  caches: EmulatedCacheStore;
  /** Draws the delay of one accepted answer. */
  latency: () => number;
  quota: EmulatedQuota;
}

/** Short, so a run with many 429s stays fast; a client must still read and honour it. */
const RATE_LIMIT_RETRY_DELAY = '0.02s';

/** Why the service would refuse the body before any model runs, or undefined. */
export function invalidBody(body: EmulatedGenerateBody): string | undefined {
  if ((body.contents ?? []).length === 0)
    return '* GenerateContentRequest.contents: contents is not specified';
  // The system instruction belongs in the cache: Gemini refuses a request that sends both.
  if (body.cachedContent !== undefined && body.systemInstruction !== undefined) {
    return 'CachedContent can not be used with GenerateContent request setting system_instruction, tools or tool_config.\n\nProposed fix: move those values to CachedContent from GenerateContent request.';
  }
  for (const content of body.contents) {
    for (const part of content.parts ?? []) {
      // As the service does: a part without data (an empty text) is an invalid argument.
      if (part.fileData === undefined && part.inlineData === undefined && !part.text) {
        return "* GenerateContentRequest.contents.parts.data: required oneof field 'data' must have one initialized field";
      }
    }
  }
  return undefined;
}

/**
 * The faults that may hit a request, by what it asks for: `prompt` is what the model reads, the
 * contents of the cache it names included (the body itself when it names none).
 */
export function applicableFaults(
  body: EmulatedGenerateBody,
  store: EmulatedFileStore,
  prompt: EmulatedGenerateBody = body,
): FaultKind[] {
  const kinds: FaultKind[] = ['rateLimited', 'unavailable', 'hang', 'reset', 'blocked'];
  // Only flex requests are shed: standard and priority keep their capacity.
  if (serviceTierOf(body) === 'flex') kinds.push('shedFlex');
  if (filePartsOf(body.contents).some((part) => store.usableNameOf(part.fileUri) !== undefined)) {
    kinds.push('expiredFile');
  }
  const keys = replyKeysOf(prompt);
  // A priming message accepts any text, so only a request that asks for keys can be malformed.
  if (keys.length > 0) kinds.push('malformed');
  if (keys.includes('track_id') && poolTrackIdsOf(prompt).length > 0) kinds.push('wrongTrackId');
  return kinds;
}

/**
 * The request as the fault draw knows it: its content, without the file URIs that upload order
 * decides, nor the service tier, so a seeded run meets the same faults at any tier and a call
 * resent at standard counts as the same request drawn again, nor the name of the cache it uses,
 * which the order of creations decides.
 */
function generateContent(body: EmulatedGenerateBody): string {
  const ignored = new Set(['fileUri', 'serviceTier', 'cachedContent']);
  return `generate ${JSON.stringify(body, (key, value) => (ignored.has(key) ? undefined : value))}`;
}

/**
 * The reply a fault puts in place of the model's: `reset` to cut the connection, undefined to
 * answer normally. An expired file is only marked here; the file check that follows answers the 403.
 */
function faultReply(
  fault: FaultKind,
  asked: EmulatedGenerateRequest,
  context: AnswerContext,
): EmulatedReply | 'reset' | undefined {
  const { body } = asked;
  switch (fault) {
    case 'rateLimited':
      return emulatedApiError(429, { message: 'Resource exhausted.', retryDelay: RATE_LIMIT_RETRY_DELAY });
    case 'unavailable':
      return emulatedApiError(503, { message: 'The model is overloaded. Please try again later.' });
    case 'shedFlex':
      return emulatedApiError(503, { message: 'Flex capacity is exhausted. Please try again later.' });
    case 'hang':
      return { hang: true };
    case 'reset':
      return 'reset';
    case 'expiredFile': {
      const usable = filePartsOf(body.contents).find((part) => context.store.usableNameOf(part.fileUri));
      context.store.expire(context.store.usableNameOf(usable?.fileUri ?? '') ?? '');
      return undefined;
    }
    case 'blocked':
      return blockedReply();
    case 'malformed':
      return malformedReply();
    case 'wrongTrackId':
      return wrongTrackIdReply(promptBodyOf(asked), context.faults.applied.wrongTrackId);
    default:
      return undefined;
  }
}

/**
 * What the service answers a well-formed request once admitted: a fault drawn among `faults`,
 * a refusal of a file it cannot use, or the responder's answer, which is billed.
 */
export async function answerRequest(
  recorded: EmulatedGenerateRequest,
  context: AnswerContext,
  faults: readonly FaultKind[],
): Promise<EmulatedReply | 'reset'> {
  const fault = context.faults.pick(faults, generateContent(recorded.body));
  const faulted = fault === undefined ? undefined : faultReply(fault, recorded, context);
  if (faulted !== undefined) return faulted;
  for (const part of filePartsOf(recorded.body.contents)) {
    const problem = context.store.problemWithUri(part.fileUri);
    if (problem !== undefined) {
      const statusName = problem.status === 403 ? 'PERMISSION_DENIED' : 'FAILED_PRECONDITION';
      return emulatedApiError(problem.status, { message: problem.message, statusName });
    }
  }
  const answer = await context.respond(recorded);
  context.bill(answer);
  return answer;
}

/** `POST models/{m}:generateContent`: checks the body and its files, then a fault or the responder. */
export async function handleGenerate(
  recorded: EmulatedGenerateRequest,
  request: IncomingMessage,
  response: ServerResponse,
  context: GenerateContext,
): Promise<void> {
  const { body } = recorded;
  const invalid = invalidBody(body);
  if (invalid !== undefined) {
    sendGoogleError(response, 400, invalid);
    return;
  }
  const cacheUse = cacheUseOf(recorded, context.caches);
  if (cacheUse !== undefined && 'status' in cacheUse) {
    sendGoogleError(response, cacheUse.status, cacheUse.message);
    return;
  }
  const asked = cacheUse === undefined ? recorded : { ...recorded, cachedContent: cacheUse };
  // The quota answers at once, before any model runs, and counts what the usage will report.
  const refusal = context.quota.admit(
    recorded.model,
    () =>
      totalTokens(
        estimatePromptTokens(
          [body.systemInstruction as WireContent | undefined, ...body.contents],
          recorded.model,
          (uri) => recorded.audioSeconds[uri] ?? 0,
        ),
      ) + (cacheUse === undefined ? 0 : totalTokens(cacheUse.tokens)),
  );
  if (refusal !== undefined) {
    sendEmulatedReply(response, refusal, recorded.model);
    return;
  }
  const delay = context.latency();
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  const reply = await answerRequest(
    asked,
    context,
    applicableFaults(body, context.store, promptBodyOf(asked)),
  );
  // An RST, not a clean close: the client sees ECONNRESET while it waits for the answer.
  if (reply === 'reset') request.socket.resetAndDestroy();
  else sendEmulatedReply(response, reply, recorded.model);
}

/** The cache the body names, as the model reads it; why it may not use it; or undefined for none. */
function cacheUseOf(
  { body, model }: EmulatedGenerateRequest,
  caches: EmulatedCacheStore,
): EmulatedCacheUse | { status: number; message: string } | undefined {
  if (typeof body.cachedContent !== 'string') return undefined;
  const cache = caches.use(body.cachedContent, model);
  if ('status' in cache) return cache;
  const { name, systemInstruction, contents, tokensByModality } = cache;
  return { name, systemInstruction, contents, tokens: tokensByModality };
}
