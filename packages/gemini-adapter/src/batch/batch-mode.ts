import type { Content, GenerateContentConfig, GenerateContentResponse, GoogleGenAI } from '@google/genai';
import { cancellableSleep } from '@tp2dg/call-quota';
import { describeTornLine } from '@tp2dg/entities';
import type { GeminiRetryEvent } from '../gemini-adapter-options.js';
import type { RetrySettings } from '../run-with-retries.js';
import type { UploadSettings } from '../upload-file.js';
import { BatchLedger } from './batch-ledger.js';
import {
  BATCH_INLINE_LIMIT_BYTES,
  DEFAULT_BATCH_MAX_REQUESTS,
  DEFAULT_BATCH_POLL_MS,
  DEFAULT_BATCH_SETTLE_MS,
  type GeminiBatchOptions,
  MAX_BATCH_POLL_MS,
} from './batch-options.js';
import { batchRequestOf } from './batch-request.js';
import { BatchRounds } from './batch-rounds.js';
import { createBatchService } from './batch-service.js';
import { type BatchCallTarget, generateInBatch } from './generate-in-batch.js';

export interface BatchModeContext {
  client: GoogleGenAI;
  filesClient: GoogleGenAI;
  model: string;
  /** Who submits the jobs (service and key), as a hash: the ledger never holds the key. */
  account: string;
  settings: UploadSettings;
  now: () => number;
  /** An injected sleep (tests); a cancellable timer otherwise, so a poll's wait never outlives its calls. */
  sleep: ((milliseconds: number) => Promise<void>) | undefined;
  onWarning: ((message: string) => void) | undefined;
}

/** Sends one call's contents and generateContent config through the batch rounds. */
export type BatchGenerate = (
  contents: Content[],
  config: GenerateContentConfig & { systemInstruction?: string },
  target: BatchCallTarget,
  settings: RetrySettings & { onRetry: (event: GeminiRetryEvent) => void },
) => Promise<GenerateContentResponse>;

/** The rounds of a batch-mode adapter, with the options' defaults. */
export function createBatchMode(options: GeminiBatchOptions, context: BatchModeContext): BatchGenerate {
  const ledger = BatchLedger.open(options.ledger, context.account, context.model).then((opened) => {
    if (opened.torn !== undefined) {
      context.onWarning?.(
        describeTornLine(opened.torn, 'the calls of the job it recorded are submitted again'),
      );
    }
    return opened;
  });
  const injected = context.sleep;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_BATCH_POLL_MS;
  const rounds = new BatchRounds({
    service: createBatchService(context.client, context.filesClient, context.model, context.settings),
    ledger,
    settleMs: options.settleMs ?? DEFAULT_BATCH_SETTLE_MS,
    maxRequests: Math.max(1, options.maxRequests ?? DEFAULT_BATCH_MAX_REQUESTS),
    inlineLimitBytes: options.inlineLimitBytes ?? BATCH_INLINE_LIMIT_BYTES,
    pollIntervalMs,
    maxPollIntervalMs: Math.max(pollIntervalMs, options.maxPollIntervalMs ?? MAX_BATCH_POLL_MS),
    sleep: injected === undefined ? cancellableSleep : (milliseconds) => injected(milliseconds),
    now: context.now,
    onEvent: options.onEvent,
  });
  return (contents, config, target, settings) =>
    generateInBatch(rounds, batchRequestOf(contents, config), target, settings);
}
