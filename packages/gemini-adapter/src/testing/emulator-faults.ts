/** Every fault the emulator can inject, in the order one draw walks them. */
export const FAULT_KINDS = [
  /** generateContent answers 429 RESOURCE_EXHAUSTED with a short `RetryInfo.retryDelay`. */
  'rateLimited',
  /** generateContent answers 503 UNAVAILABLE (overloaded). */
  'unavailable',
  /** generateContent never answers: the client has to time out. */
  'hang',
  /** generateContent's connection is reset before any answer. */
  'reset',
  /** generateContent expires one file it references: 403 "may not exist", and the file is gone. */
  'expiredFile',
  /** The candidate stops with finishReason SAFETY and no text. */
  'blocked',
  /** Prose without the requested keys (only requests that ask for keys). */
  'malformed',
  /** A Recsys reply whose track_id is a repeat or not in the pool (only Recsys turns). */
  'wrongTrackId',
  /** An uploaded file reports PROCESSING for a few `files.get` polls before ACTIVE. */
  'stuckProcessing',
  /** The upload start request answers 503. */
  'failedUpload',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface EmulatorFaultOptions {
  /** Probability per applicable request, in [0, 1]; missing kinds never happen. */
  rates: Partial<Record<FaultKind, number>>;
  /** Uniform in [0, 1): inject a seeded one so a run's faults can be reproduced. */
  random: () => number;
}

/**
 * Decides which fault, if any, hits a request and counts what it applied. One draw per
 * request walks the cumulative rates of the kinds that apply to it, so a request gets at
 * most one fault and each kind keeps its own rate (as long as the applicable rates sum to 1
 * or less; beyond that the later kinds are starved).
 */
export class FaultInjector {
  /** How many times each kind was applied. */
  readonly applied: Record<FaultKind, number>;
  private readonly rates: Partial<Record<FaultKind, number>>;
  private readonly random: () => number;

  constructor(options: EmulatorFaultOptions | undefined) {
    this.rates = options?.rates ?? {};
    this.random = options?.random ?? Math.random;
    this.applied = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
    for (const [kind, rate] of Object.entries(this.rates)) {
      if (!(FAULT_KINDS as readonly string[]).includes(kind) || !(rate >= 0 && rate <= 1)) {
        throw new RangeError(`fault rate ${kind}=${rate}: expected a known kind and a rate in [0, 1]`);
      }
    }
  }

  /** The fault for a request to which `applicable` kinds apply, or undefined. */
  pick(applicable: readonly FaultKind[]): FaultKind | undefined {
    const candidates = FAULT_KINDS.filter((kind) => applicable.includes(kind) && (this.rates[kind] ?? 0) > 0);
    // No draw when nothing can happen: the sequence stays the same whatever else is asked.
    if (candidates.length === 0) return undefined;
    const draw = this.random();
    let ceiling = 0;
    for (const kind of candidates) {
      ceiling += this.rates[kind] ?? 0;
      if (draw < ceiling) {
        this.applied[kind] += 1;
        return kind;
      }
    }
    return undefined;
  }
}
