import { NO_TOKENS, type TokenUsage } from '@tp2dg/entities';
import { createCooperativeReplier } from '@tp2dg/model-testing';
import { ImplicitCache } from '../usage-estimate/implicit-cache.js';
import { emulatedApiError } from './emulated-api-error.js';
import { emulatedUsage } from './emulated-usage.js';
import type { EmulatedGenerateRequest, EmulatedReply } from './emulator-types.js';
import { promptBodyOf, promptTextOf } from './wire-request.js';

export interface CooperativeResponderOptions {
  /** Returns a reply (an error, say) to send instead of the normal answer; undefined to answer. */
  intercept?: (request: EmulatedGenerateRequest) => EmulatedReply | undefined;
  /**
   * Whether Gemini's implicit cache serves repeated prompt beginnings (default true). Off, every
   * token is billed at the full input price: how a bill looks when no implicit hit comes, as the
   * service never promises one.
   */
  implicitCache?: boolean;
}

/** A cache that never hits. */
const NO_IMPLICIT_CACHE: Pick<ImplicitCache, 'cachedPrefix'> = { cachedPrefix: () => NO_TOKENS };

export interface CooperativeResponder {
  /** Pass it as the emulator's `respond`. */
  respond: (request: EmulatedGenerateRequest) => EmulatedReply;
  /** By request index: the usage each successful answer reported, as tp2dg must record it. */
  readonly reportedUsage: Map<number, TokenUsage>;
}

/**
 * Answers tp2dg's generateContent requests as a cooperative model would, from the wire body
 * alone: the keys come from the JSON schema (JSON mode) or the prompt's reply-format line
 * (YAML mode), the choices from the prompt text (goal candidates, opening examples, the
 * Recsys pool minus what was recommended), and the reply is written in the requested format.
 * A prompt that lacks what its agent needs gets a 400, which is not retried: the run fails
 * fast and the test shows why.
 */
export function createCooperativeResponder(options: CooperativeResponderOptions = {}): CooperativeResponder {
  const reportedUsage = new Map<number, TokenUsage>();
  const cache = options.implicitCache === false ? NO_IMPLICIT_CACHE : new ImplicitCache();
  const reply = createCooperativeReplier();
  const respond = (request: EmulatedGenerateRequest): EmulatedReply => {
    const intercepted = options.intercept?.(request);
    if (intercepted !== undefined) return intercepted;
    let text: string;
    try {
      // What the model reads: a cache's pool or profiling tracks count as if sent.
      text = reply(promptTextOf(promptBodyOf(request)));
    } catch (error) {
      return emulatedApiError(400, { message: `cooperative responder: ${(error as Error).message}` });
    }
    const { usageMetadata, expected } = emulatedUsage(request, text, cache);
    reportedUsage.set(request.index, expected);
    return { text, usageMetadata };
  };
  return { respond, reportedUsage };
}
