import { z } from 'zod';
import { BillingTierSchema } from './service-tier.js';
import { TokenUsageSchema } from './usage.js';

/** The four agents of the method, which make the conversations. */
export const AgentNameSchema = z.enum(['profile', 'goal', 'listener', 'recsys']);
export type AgentName = z.infer<typeof AgentNameSchema>;

/**
 * Who makes a model call: one of the four agents, or a judge scoring a conversation they made
 * (`tp2dg-eval`). Every model call is made on behalf of one.
 */
export const CallerNameSchema = z.enum([...AgentNameSchema.options, 'judge']);
export type CallerName = z.infer<typeof CallerNameSchema>;

/** Says who makes a call and why: recorded in `calls.jsonl`, used by the simulated models. */
export const CallLabelSchema = z.object({
  agent: CallerNameSchema,
  /**
   * Conversation turn, 0 for a priming call, null for the one-shot profile and goal calls and
   * for a judge's call about the whole conversation.
   */
  turn: z.number().int().min(0).nullable(),
  /** Name of the prompt template that produced the last message. */
  template: z.string(),
  /** 1 for the first try, then 2, 3 ... for each re-ask or resend of the same call. */
  attempt: z.number().int().min(1),
});
export type CallLabel = z.infer<typeof CallLabelSchema>;

/** A piece of a message: text, or a reference to a local media file the backend delivers. */
export const ModelPartSchema = z.union([
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('file'), path: z.string(), mimeType: z.string() }),
]);
export type ModelPart = z.infer<typeof ModelPartSchema>;

export const ModelMessageSchema = z.object({
  role: z.enum(['user', 'model']),
  parts: z.array(ModelPartSchema),
});
export type ModelMessage = z.infer<typeof ModelMessageSchema>;

/**
 * One call. A one-shot call has a single user message; a multi-turn call carries the
 * whole history, kept by the caller (chats are not delegated to the SDK).
 */
export interface ModelRequest {
  label: CallLabel;
  systemInstruction?: string;
  messages: ModelMessage[];
  /** When set, the model must answer JSON that validates against this schema. */
  responseJsonSchema?: Record<string, unknown>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * How a reply ended, whatever the provider: `stop` (the model finished), `length` (the output
 * limit cut it), `content-filter` (a filter withheld the prompt or the reply, whatever the
 * provider calls it), `error` (the provider says the generation itself failed) and `other`.
 * The provider's own words go in the result's `providerMetadata`.
 */
export const FINISH_REASONS = ['stop', 'length', 'content-filter', 'error', 'other'] as const;

/**
 * The finish reasons saved before they were provider-neutral (upper case, one provider's), as
 * read now: journals and `calls.jsonl` files of earlier versions still hold them.
 */
const EARLIER_FINISH_REASONS: Readonly<Record<string, (typeof FINISH_REASONS)[number]>> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content-filter',
  RECITATION: 'content-filter',
  BLOCKED: 'content-filter',
  OTHER: 'other',
};

export const FinishReasonSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (EARLIER_FINISH_REASONS[value] ?? value) : value),
  z.enum(FINISH_REASONS),
);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

/**
 * What a provider said beyond the neutral result, for audits (its own finish or block reason,
 * say): flat JSON values, saved with the call.
 */
export const ProviderMetadataSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ProviderMetadata = z.infer<typeof ProviderMetadataSchema>;

/**
 * What a backend was doing when an attempt failed: finding the model, generating (a batch
 * job's creation and polls included), sending a file to the provider (`file`: an upload, or
 * waiting until the provider can use it), deleting something it made there, or managing a
 * context cache. Files of earlier versions say `upload` or `poll` for `file`.
 */
export const RETRY_OPERATIONS = ['lookup', 'generate', 'file', 'delete', 'cache'] as const;
const EARLIER_RETRY_OPERATIONS: Readonly<Record<string, (typeof RETRY_OPERATIONS)[number]>> = {
  upload: 'file',
  poll: 'file',
};
export const RetryOperationSchema = z.preprocess(
  (value) => (typeof value === 'string' ? (EARLIER_RETRY_OPERATIONS[value] ?? value) : value),
  z.enum(RETRY_OPERATIONS),
);
export type RetryOperation = z.infer<typeof RetryOperationSchema>;

/** One failed attempt a backend retried on its own (HTTP error, timeout, network). */
export const RetryRecordSchema = z.object({
  operation: RetryOperationSchema,
  /** The attempt that failed, from 1. */
  attempt: z.number().int().min(1),
  /** HTTP status, or null for a timeout, a network failure or a batch job that left the call unanswered. */
  status: z.number().int().nullable(),
  /** `batch`: the batch job it was sent in ended (failed, expired, cancelled) without its answer. */
  reason: z.enum(['http', 'network', 'timeout', 'batch']),
  /** How long the backend waited before the next attempt. */
  delayMs: z.number().min(0),
  /** What failed, without secrets. */
  message: z.string(),
});
export type RetryRecord = z.infer<typeof RetryRecordSchema>;

/** A model's answer; the call journal keeps it as it is. */
export const ModelResultSchema = z.object({
  /** Empty when the reply was blocked or empty; `finishReason` says which. */
  text: z.string(),
  usage: TokenUsageSchema,
  finishReason: FinishReasonSchema,
  /** The provider's own account of how the reply ended, when it gives more than `finishReason`. */
  providerMetadata: ProviderMetadataSchema.optional(),
  /** The attempts that failed and were retried before this result, with their causes. */
  retries: z.array(RetryRecordSchema).readonly().optional(),
  /** The tier the answer was served and billed at (`batch` through a batch API); absent means standard. */
  serviceTier: BillingTierSchema.optional(),
});
export type ModelResult = z.infer<typeof ModelResultSchema>;

/**
 * What the agents call. Implemented by the provider adapters and the offline simulated model.
 * Failures throw `Tp2dgError`: a `ModelCallError` when the provider failed the call
 * (`MODEL_API`, `MODEL_TIMEOUT`, `MODEL_AUTH`, `MODEL_NOT_FOUND`), `ABORTED` when the caller
 * stopped it.
 */
export interface ModelPort {
  /** The provider's name (`simulated` for the offline model): saved with every conversation so provenance is never lost. */
  readonly provider: string;
  readonly model: string;
  generate(request: ModelRequest): Promise<ModelResult>;
  /**
   * The conversation this port served is over: release what was held for it (a port that made
   * context caches deletes them). Called once, however the conversation ended; no call follows it.
   */
  close?(): Promise<void>;
}
