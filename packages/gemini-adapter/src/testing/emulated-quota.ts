import { emulatedApiError } from './emulated-api-error.js';
import type { EmulatedHttpReply } from './emulator-types.js';

const MINUTE_MS = 60_000;

export interface EmulatedQuotaLimits {
  rpm?: number | undefined;
  tpm?: number | undefined;
}

/** `"2.345s"`: a protobuf Duration, rounded up to the millisecond so a retry is never early. */
function asDuration(milliseconds: number): string {
  return `${(Math.max(1, Math.ceil(milliseconds)) / 1000).toFixed(3)}s`;
}

/**
 * Per-minute quotas as Gemini enforces them: the requests accepted over the last 60 s, and
 * their prompt tokens, against RPM and TPM. A request over either limit is refused with
 * 429 RESOURCE_EXHAUSTED and a `RetryInfo.retryDelay` saying when it would fit, and is not
 * counted. A request larger than the whole TPM never fits, as on the service.
 */
export class EmulatedQuota {
  /** Requests refused, by the limit that refused them. */
  readonly rejected = { rpm: 0, tpm: 0 };
  private accepted: Array<{ at: number; tokens: number }> = [];

  constructor(
    private readonly limits: EmulatedQuotaLimits,
    private readonly now: () => number,
  ) {}

  /**
   * Counts the request and returns undefined when it fits; otherwise the 429 to send.
   * `promptTokens` is only asked for under a TPM limit.
   */
  admit(model: string, promptTokens: () => number): EmulatedHttpReply | undefined {
    const now = this.now();
    this.accepted = this.accepted.filter((entry) => entry.at + MINUTE_MS > now);
    const { rpm, tpm } = this.limits;
    if (rpm !== undefined && this.accepted.length + 1 > rpm) {
      this.rejected.rpm += 1;
      const oldest = this.accepted[0]?.at ?? now;
      return this.refusal(`requests per minute (${rpm})`, model, oldest + MINUTE_MS - now);
    }
    const tokens = tpm === undefined ? 0 : promptTokens();
    if (tpm !== undefined) {
      let excess = this.accepted.reduce((sum, entry) => sum + entry.tokens, 0) + tokens - tpm;
      if (excess > 0) {
        this.rejected.tpm += 1;
        let fitsAt = now + MINUTE_MS;
        for (const entry of this.accepted) {
          excess -= entry.tokens;
          fitsAt = entry.at + MINUTE_MS;
          if (excess <= 0) break;
        }
        return this.refusal(`input tokens per minute (${tpm})`, model, fitsAt - now);
      }
    }
    this.accepted.push({ at: now, tokens });
    return undefined;
  }

  private refusal(limit: string, model: string, delayMs: number): EmulatedHttpReply {
    return emulatedApiError(429, {
      message: `You exceeded your current quota of ${limit} for ${model} (emulated). Please retry later.`,
      retryDelay: asDuration(delayMs),
    });
  }
}
