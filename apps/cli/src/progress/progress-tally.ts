import type { TokenUsage } from '@tp2dg/entities';
import type { RunEvent } from '@tp2dg/orchestrator';

/** Where a run stands, for the progress line. */
export interface ProgressSnapshot {
  /** Sessions finished this run: written, found already written, failed or skipped. */
  done: number;
  total: number | undefined;
  written: number;
  failedByCode: Record<string, number>;
  callsPerMinute: number;
  tokensPerMinute: number;
  /** USD at list prices; 0 for simulated runs, which are not billed; null when the model has no price. */
  spentUsd: number | null;
  /** What the whole run will cost at the mean cost per written session so far. */
  projectedUsd: number | undefined;
  etaSeconds: number | undefined;
}

/** Adds up the run's events; rates and the ETA come from the time since the first event. */
export class ProgressTally {
  private total: number | undefined;
  private done = 0;
  private written = 0;
  private calls = 0;
  private tokens = 0;
  /** Null once a session came without a price: a sum would then pass for the whole cost. */
  private spentUsd: number | null = 0;
  private readonly failedByCode: Record<string, number> = {};
  private readonly started: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.started = now();
  }

  record(event: RunEvent): void {
    if (event.type === 'run-started') {
      this.total = event.total;
      return;
    }
    if (event.type === 'warning') return;
    this.done += 1;
    if (event.type === 'session-failed')
      this.failedByCode[event.code] = (this.failedByCode[event.code] ?? 0) + 1;
    if (event.type !== 'session-written') return;
    this.written += 1;
    this.calls += event.calls;
    this.tokens += tokensOf(event.usage);
    this.spentUsd = this.spentUsd === null || event.costUsd === null ? null : this.spentUsd + event.costUsd;
  }

  get writtenCount(): number {
    return this.written;
  }

  get failedCount(): number {
    return Object.values(this.failedByCode).reduce((sum, count) => sum + count, 0);
  }

  snapshot(): ProgressSnapshot {
    const minutes = Math.max(this.now() - this.started, 1) / 60_000;
    const remaining = this.total === undefined ? undefined : Math.max(this.total - this.done, 0);
    const perSession = this.done === 0 ? undefined : (this.now() - this.started) / 1000 / this.done;
    return {
      done: this.done,
      total: this.total,
      written: this.written,
      failedByCode: { ...this.failedByCode },
      callsPerMinute: this.calls / minutes,
      tokensPerMinute: this.tokens / minutes,
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
