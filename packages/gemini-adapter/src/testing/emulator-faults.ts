import { createHash } from 'node:crypto';

/** Every fault the emulator can inject, in the order one draw walks them. */
export const FAULT_KINDS = [
  /** generateContent answers 429 RESOURCE_EXHAUSTED with a short `RetryInfo.retryDelay`. */
  'rateLimited',
  /** generateContent answers 503 UNAVAILABLE (overloaded). */
  'unavailable',
  /** A flex request (top-level `serviceTier: "flex"`) shed for lack of capacity: 503 UNAVAILABLE. */
  'shedFlex',
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
  /**
   * Uniform in [0, 1), told which request it draws for (see `FaultInjector.pick`). A seeded
   * generator that ignores it reproduces a run's faults in arrival order, which concurrency
   * varies; `drawsByRequest(seed)` gives each request the same draw whatever its order.
   */
  random: (request: string) => number;
}

/**
 * Draws from a hash of `seed` and the request: the same requests meet the same faults in any
 * arrival order, so a run with concurrent calls still has reproducible faults.
 */
export function drawsByRequest(seed: string): (request: string) => number {
  return (request) =>
    createHash('sha256').update(seed).update('\0').update(request).digest().readUIntBE(0, 6) / 2 ** 48;
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
  private readonly random: (request: string) => number;
  /** How many draws each request content has had: a retry of the same request draws anew. */
  private readonly draws = new Map<string, number>();

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

  /**
   * The fault for a request to which `applicable` kinds apply, or undefined. `content` names
   * what the request asks for, free of anything the order of events decides (file URIs); the
   * draw is told it with how many times the same content was drawn for before (`content#n`).
   */
  pick(applicable: readonly FaultKind[], content: string): FaultKind | undefined {
    const candidates = FAULT_KINDS.filter((kind) => applicable.includes(kind) && (this.rates[kind] ?? 0) > 0);
    // No draw when nothing can happen: the sequence stays the same whatever else is asked.
    if (candidates.length === 0) return undefined;
    const occurrence = (this.draws.get(content) ?? 0) + 1;
    this.draws.set(content, occurrence);
    const draw = this.random(`${content}#${occurrence}`);
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
