import { AdaptiveConcurrency } from './adaptive-concurrency.js';
import { ChangeSignal } from './change-signal.js';
import { EstimateCorrection } from './estimate-correction.js';
import { EvenPacing } from './even-pacing.js';
import type { QuotaPermit, QuotaSchedulerOptions, QuotaStatus } from './quota-types.js';
import { SlidingWindow } from './sliding-window.js';

/**
 * The share of the TPM kept free. Requests need no margin: each is stamped when its answer
 * came back, later than the service counted it, so our minute always ends after the
 * service's. Input tokens of calls in flight are only estimates, and an estimate 3% low
 * on a full window is what this covers; the real counts replace them as answers come.
 */
export const TOKEN_SAFETY_MARGIN = 0.03;

interface Waiter {
  estimate: number;
  enqueuedAt: number;
  /** The queue had to wait while this one was in it: it counts as a wait. */
  held: boolean;
  resolve: (permit: QuotaPermit) => void;
}

/**
 * Holds each attempt until it fits under the requests and input tokens of the last minute,
 * at an even pace over the minute, under the adaptive cap on calls in flight and after any
 * pause a 429 asked for. Attempts are admitted first come, first served: a large one is never
 * overtaken forever by small ones. The scheduler only delays; which call comes next is the
 * caller's business.
 */
export class QuotaScheduler {
  private readonly requests: SlidingWindow | undefined;
  private readonly tokens: SlidingWindow | undefined;
  private readonly requestPace: EvenPacing | undefined;
  private readonly tokenPace: EvenPacing | undefined;
  private readonly concurrency = new AdaptiveConcurrency();
  private readonly correction = new EstimateCorrection();
  private readonly queue: Waiter[] = [];
  private pausedUntil = 0;
  private pumping = false;
  private readonly changes: ChangeSignal;
  private readonly counts = { waits: 0, waitedMs: 0, rateLimited: 0 };

  constructor(private readonly options: QuotaSchedulerOptions) {
    this.requests = options.rpm === undefined ? undefined : new SlidingWindow(Math.max(1, options.rpm));
    this.tokens =
      options.tpm === undefined ? undefined : new SlidingWindow(options.tpm * (1 - TOKEN_SAFETY_MARGIN));
    this.requestPace = this.requests === undefined ? undefined : new EvenPacing(this.requests.limit);
    this.tokenPace = this.tokens === undefined ? undefined : new EvenPacing(this.tokens.limit);
    this.changes = new ChangeSignal(options.sleep);
  }

  /** Whether admission needs a token estimate (only under a TPM limit). */
  get countsTokens(): boolean {
    return this.tokens !== undefined;
  }

  get status(): QuotaStatus {
    return {
      concurrencyCap: this.concurrency.cap,
      inFlight: this.concurrency.inFlight,
      queued: this.queue.length,
      ...this.counts,
      estimateFactor: this.correction.factor,
    };
  }

  /** Waits for room for one attempt of `estimate` input tokens (uncorrected); rejects on abort. */
  acquire(estimate: number, signal?: AbortSignal): Promise<QuotaPermit> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<QuotaPermit>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        reject(signal?.reason);
        this.changes.notify();
      };
      const waiter: Waiter = {
        estimate,
        enqueuedAt: this.options.now(),
        held: false,
        resolve: (permit) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(permit);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let head = this.queue[0]; head !== undefined; head = this.queue[0]) {
        const tokens = this.correction.correct(head.estimate);
        const wait = this.waitBefore(tokens);
        if (wait === 0) {
          this.queue.shift();
          head.resolve(this.admit(head, tokens));
        } else {
          for (const waiter of this.queue) waiter.held = true;
          await this.changes.wait(wait);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Milliseconds until the next attempt may go, or null to wait for a call to end. */
  private waitBefore(tokens: number): number | null {
    if (!this.concurrency.hasRoom()) return null;
    const now = this.options.now();
    const wait = Math.max(
      this.pausedUntil - now,
      this.requests?.waitFor(now, 1) ?? 0,
      this.tokens?.waitFor(now, tokens) ?? 0,
      this.requestPace?.waitFor(now) ?? 0,
      this.tokenPace?.waitFor(now) ?? 0,
      0,
    );
    return Number.isFinite(wait) ? wait : null;
  }

  private admit(waiter: Waiter, tokens: number): QuotaPermit {
    const now = this.options.now();
    if (waiter.held) {
      this.counts.waits += 1;
      this.counts.waitedMs += now - waiter.enqueuedAt;
    }
    const ticket = this.concurrency.start();
    const request = this.requests?.add(now, 1);
    const input = this.tokens?.add(now, tokens);
    this.requestPace?.add(now, 1);
    this.tokenPace?.add(now, tokens);
    let settled = false;
    // The service counted the call by the time it answered: stamping the end is on the safe side.
    const settle = (inputTokens: number) => {
      if (settled) return false;
      settled = true;
      const end = this.options.now();
      if (request !== undefined) this.requests?.update(request, 1, end);
      if (input !== undefined) this.tokens?.update(input, inputTokens, end);
      this.changes.notify();
      return true;
    };
    return {
      succeeded: (inputTokens) => {
        if (!settle(inputTokens ?? tokens)) return;
        if (inputTokens !== undefined) {
          this.correction.observe(waiter.estimate, inputTokens);
          this.tokenPace?.correct(tokens, inputTokens);
        }
        this.concurrency.succeeded(ticket);
      },
      rateLimited: (retryDelayMs) => {
        if (!settle(tokens)) return;
        this.counts.rateLimited += 1;
        this.concurrency.throttled(ticket);
        if (retryDelayMs !== null) {
          this.pausedUntil = Math.max(this.pausedUntil, this.options.now() + retryDelayMs);
        }
      },
      failed: () => {
        if (settle(tokens)) this.concurrency.failed(ticket);
      },
    };
  }
}
