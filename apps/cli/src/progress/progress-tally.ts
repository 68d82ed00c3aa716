import { SIMULATED_PROVIDER, type TokenUsage } from '@tp2dg/entities';
import type { ProgressEvent } from './progress-reporter.js';
import { SlidingRate } from './sliding-rate.js';

/** Where a run stands, for the progress line. */
export interface ProgressSnapshot {
  /** Sessions finished this run: written (or evaluated), found already done, failed or skipped. */
  done: number;
  total: number | undefined;
  written: number;
  failedByCode: Record<string, number>;
  /** Over the last minute (see `SlidingRate`); null in a run's first seconds. */
  callsPerMinute: number | null;
  /** Likewise; null too while no session paid for tokens (simulated ones only estimate theirs). */
  tokensPerMinute: number | null;
  /** USD at list prices; 0 for simulated runs, which are not billed; null when the model has no price. */
  spentUsd: number | null;
  /** What the whole run will cost at the mean cost per written session so far. */
  projectedUsd: number | undefined;
  etaSeconds: number | undefined;
}

/** Adds up the run's events; the rates come from the last minute, the ETA from the whole run. */
export class ProgressTally {
  private total: number | undefined;
  private done = 0;
  private written = 0;
  private readonly calls: SlidingRate;
  /** Created by the first session whose tokens were billed, not estimated. */
  private tokens: SlidingRate | undefined;
  /** Null once a session came without a price: a sum would then pass for the whole cost. */
  private spentUsd: number | null = 0;
  private readonly failedByCode: Record<string, number> = {};
  private readonly started: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.started = now();
    this.calls = new SlidingRate(this.started);
  }

  record(event: ProgressEvent): void {
    if (event.type === 'run-started') {
      this.total = event.total;
      return;
    }
    if (event.type === 'warning' || event.type === 'batch') return;
    this.done += 1;
    if (event.type === 'session-failed')
      this.failedByCode[event.code] = (this.failedByCode[event.code] ?? 0) + 1;
    // An evaluation is a conversation's worth of calls, as a conversation written is.
    if (event.type !== 'session-written' && event.type !== 'session-evaluated') return;
    this.written += 1;
    const at = this.now();
    this.calls.add(at, event.calls);
    // A simulated session's usage is what Gemini might have billed, not tokens anyone processed
    // (the simulated backend's model is named after its provider).
    if (event.model !== SIMULATED_PROVIDER) {
      this.tokens ??= new SlidingRate(this.started);
      this.tokens.add(at, tokensOf(event.usage));
    }
    this.spentUsd = this.spentUsd === null || event.costUsd === null ? null : this.spentUsd + event.costUsd;
  }

  get writtenCount(): number {
    return this.written;
  }

  get failedCount(): number {
    return Object.values(this.failedByCode).reduce((sum, count) => sum + count, 0);
  }

  snapshot(): ProgressSnapshot {
    const now = this.now();
    const remaining = this.total === undefined ? undefined : Math.max(this.total - this.done, 0);
    // Sessions found written or skipped take no time: only those generated say how long one takes.
    // Batch rounds finish their conversations together, so there is no figure before the first.
    const generated = this.written + this.failedCount;
    const perSession = generated === 0 ? undefined : (now - this.started) / 1000 / generated;
    return {
      done: this.done,
      total: this.total,
      written: this.written,
      failedByCode: { ...this.failedByCode },
      callsPerMinute: this.calls.perMinute(now),
      tokensPerMinute: this.tokens?.perMinute(now) ?? null,
      spentUsd: this.spentUsd,
      projectedUsd:
        this.total === undefined || this.written === 0 || this.spentUsd === null
          ? undefined
          : (this.spentUsd / this.written) * this.total,
      etaSeconds: remaining === undefined || perSession === undefined ? undefined : remaining * perSession,
    };
  }
}

/** What the calls themselves moved: prompt (cached or not), output and thinking; not the caches made or stored. */
function tokensOf(usage: TokenUsage): number {
  const prompt = usage.text_input + usage.image_input + usage.audio_input;
  const cached = usage.cached_text_input + usage.cached_image_input + usage.cached_audio_input;
  return prompt + cached + usage.output + usage.thinking;
}
