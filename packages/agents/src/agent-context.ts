import type { CallRecord, ModelPort } from '@tp2dg/entities';
import type { PromptSet } from '@tp2dg/prompts';
import type { ResponseFormat } from './reply/parse-reply.js';

/** What every agent of one conversation shares. */
export interface AgentContext {
  /** Named in the error of an agent that gave no usable reply. */
  sessionId: string;
  model: ModelPort;
  prompts: PromptSet;
  responseFormat: ResponseFormat;
  /** Re-asks after an unusable reply, each stating the problem; the paper's runs need few. */
  maxReasks: number;
  /**
   * Resends of a blocked prompt or reply (BLOCKED, SAFETY) per agent turn, on top of the
   * re-asks: a block says nothing about the format, and another sample may well pass.
   */
  maxBlockedRetries: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Receives every model call as it completes, in order. */
  onCall: (record: CallRecord) => void;
  /** Milliseconds for latency figures; injected so tests can fix time. */
  now: () => number;
}
