import type { AgentName } from './model-port.js';

const marker = Symbol.for('tp2dg.error');

/** Every way tp2dg can fail; the CLI maps each code to an exit code. */
export type Tp2dgErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_INPUT'
  | 'MEDIA_PATH_ESCAPE'
  | 'MEDIA_NOT_FOUND'
  | 'LOADER_NOT_FOUND'
  | 'LOADER_INVALID'
  | 'PROVIDER_NOT_FOUND'
  | 'PROVIDER_INVALID'
  | 'PROMPT_TEMPLATE'
  | 'MISSING_API_KEY'
  | 'AGENT_REPLY'
  | 'MODEL_API'
  | 'MODEL_AUTH'
  | 'MODEL_NOT_FOUND'
  | 'MODEL_TIMEOUT'
  | 'ABORTED'
  | 'OUTPUT_WRITE';

/** The model call a failure happened in: what a failure log needs to point at it. */
export interface CallSite {
  agent: AgentName;
  /** Conversation turn, 0 for a priming call, null for the one-shot profile and goal calls. */
  turn: number | null;
}

export interface Tp2dgErrorOptions {
  cause?: unknown;
  callSite?: CallSite;
}

/**
 * The one error class of tp2dg. Messages say what failed, where, and what to do.
 * `isInstance` checks a symbol marker so two installed copies of this package agree.
 */
export class Tp2dgError extends Error {
  readonly [marker] = true;
  readonly code: Tp2dgErrorCode;
  /** Set when a model call failed the session: which agent, at which turn. */
  readonly callSite: CallSite | undefined;

  constructor(code: Tp2dgErrorCode, message: string, options: Tp2dgErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'Tp2dgError';
    this.code = code;
    this.callSite = options.callSite;
  }

  static isInstance(value: unknown): value is Tp2dgError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
