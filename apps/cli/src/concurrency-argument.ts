import { autoConcurrency, type RateLimits } from '@tp2dg/gemini-adapter';

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

/** What the run uses: the number given, or the one `auto` works out from `--rpm` and `--tpm`. */
export function resolveConcurrency(option: ConcurrencyOption, limits: RateLimits): number {
  return option === 'auto' ? autoConcurrency(limits) : option;
}
