import { autoConcurrency, type RateLimits } from '@tp2dg/call-quota';
import { DEFAULT_BATCH_MAX_REQUESTS } from '@tp2dg/gemini-adapter/planning';

/** `--concurrency`: `auto`, or a whole number of sessions (and calls in flight) of at least 1. */
export type ConcurrencyOption = 'auto' | number;

/** Reads `--concurrency auto|N`. Throws a message yargs shows as a usage error. */
export function parseConcurrency(value: string): ConcurrencyOption {
  const text = String(value).trim();
  if (text === 'auto') return 'auto';
  const number = Number(text);
  if (text === '' || !Number.isInteger(number) || number < 1) {
    throw new Error(`--concurrency takes auto or a whole number of at least 1 (got ${value})`);
  }
  return number;
}

/**
 * What the run uses: the number given, or the one `auto` works out from `--rpm` and `--tpm`. In
 * batch mode `auto` is as many sessions as a batch job takes calls: a round holds the calls of
 * the conversations in flight, and each round takes minutes whatever its size.
 */
export function resolveConcurrency(
  option: ConcurrencyOption,
  limits: RateLimits,
  mode: 'online' | 'batch' = 'online',
): number {
  if (option !== 'auto') return option;
  return mode === 'batch' ? DEFAULT_BATCH_MAX_REQUESTS : autoConcurrency(limits);
}
