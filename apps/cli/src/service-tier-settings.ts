import { DEFAULT_FLEX_MAX_ATTEMPTS, DEFAULT_FLEX_TIMEOUT_MS } from '@tp2dg/gemini-adapter/planning';
import type { GenerateArguments } from './generate-arguments.js';

const DEFAULT_TIMEOUT_SECONDS = 120;

/**
 * Seconds per attempt: `--timeout` when given, else 120, or 900 for flex, which targets 1 to
 * 15 minutes an answer and would have answers on their way aborted at 120.
 */
export function attemptTimeoutSeconds(args: Pick<GenerateArguments, 'timeout' | 'serviceTier'>): number {
  if (args.timeout !== undefined) return args.timeout;
  return args.serviceTier === 'flex' ? DEFAULT_FLEX_TIMEOUT_MS / 1000 : DEFAULT_TIMEOUT_SECONDS;
}

/** Attempts of a flex call: sheds are expected, so never fewer than the adapter's flex default. */
export function flexMaxAttempts(args: Pick<GenerateArguments, 'maxAttempts'>): number {
  return Math.max(args.maxAttempts, DEFAULT_FLEX_MAX_ATTEMPTS);
}
