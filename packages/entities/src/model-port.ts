import type { BillingTier } from './service-tier.js';
import type { TokenUsage } from './usage.js';

/** The four agents of the method, which make the conversations. */
export type AgentName = 'profile' | 'goal' | 'listener' | 'recsys';

/**
 * Who makes a model call: one of the four agents, or a judge scoring a conversation they made
 * (`tp2dg-eval`). Every model call is made on behalf of one.
 */
export type CallerName = AgentName | 'judge';

/** Says who makes a call and why: recorded in `calls.jsonl`, used by the simulated models. */
export interface CallLabel {
  agent: CallerName;
  /**
   * Conversation turn, 0 for a priming call, null for the one-shot profile and goal calls and
   * for a judge's call about the whole conversation.
   */
  turn: number | null;
  /** Name of the prompt template that produced the last message. */
  template: string;
  /** 1 for the first try, then 2, 3 ... for each re-ask or resend of the same call. */
  attempt: number;
}

/** A piece of a message: text, or a reference to a local media file the backend delivers. */
export type ModelPart = { kind: 'text'; text: string } | { kind: 'file'; path: string; mimeType: string };

export interface ModelMessage {
  role: 'user' | 'model';
  parts: ModelPart[];
}

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

export type FinishReason = 'STOP' | 'MAX_TOKENS' | 'SAFETY' | 'RECITATION' | 'BLOCKED' | 'OTHER';

/** One failed attempt a backend retried on its own (HTTP error, timeout, network). */
export interface RetryRecord {
  operation: 'lookup' | 'generate' | 'upload' | 'poll' | 'delete' | 'cache';
  /** The attempt that failed, from 1. */
  attempt: number;
  /** HTTP status, or null for a timeout, a network failure or a batch job that left the call unanswered. */
  status: number | null;
  /** `batch`: the batch job it was sent in ended (failed, expired, cancelled) without its answer. */
  reason: 'http' | 'network' | 'timeout' | 'batch';
  /** How long the backend waited before the next attempt. */
  delayMs: number;
  /** What failed, without secrets. */
  message: string;
}

export interface ModelResult {
  /** Empty when the reply was blocked or empty; `finishReason` says which. */
  text: string;
  usage: TokenUsage;
  finishReason: FinishReason;
  /** The attempts that failed and were retried before this result, with their causes. */
  retries?: readonly RetryRecord[];
  /** The tier the answer was served and billed at (`batch` through the Batch API); absent means standard. */
  serviceTier?: BillingTier;
}

/**
 * What the agents call. Implemented by the Gemini adapter and the offline simulated model.
 * Failures throw `Tp2dgError` (`MODEL_API`, `MODEL_TIMEOUT`, `ABORTED`).
 */
export interface ModelPort {
  /** `gemini`, `simulated`, ...: saved with every conversation so provenance is never lost. */
  readonly provider: string;
  readonly model: string;
  generate(request: ModelRequest): Promise<ModelResult>;
  /**
   * The conversation this port served is over: release what was held for it (a Gemini port
   * deletes the context caches its chats used). Called once, however the conversation ended;
   * no call follows it.
   */
  close?(): Promise<void>;
}
