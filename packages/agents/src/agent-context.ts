import type { CallRecord, ModelPort } from '@tp2dg/entities';
import type { PromptSet } from '@tp2dg/prompts';
import type { ResponseFormat } from './reply/parse-reply.js';

/** What every agent of one conversation shares. */
export interface AgentContext {
  model: ModelPort;
  prompts: PromptSet;
  responseFormat: ResponseFormat;
  /** Re-asks after an unusable reply, each stating the problem; the paper's runs need few. */
  maxReasks: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Receives every model call as it completes, in order. */
  onCall: (record: CallRecord) => void;
  /** Milliseconds for latency figures; injected so tests can fix time. */
  now: () => number;
}
