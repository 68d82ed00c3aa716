import type { ServiceTier } from '@tp2dg/entities';
import type { GeminiRetryEvent } from './gemini-adapter-options.js';

/**
 * Per-attempt limit of a flex call: flex targets 1 to 15 minutes, so the standard 2 minutes
 * would abort answers that were on their way.
 */
export const DEFAULT_FLEX_TIMEOUT_MS = 15 * 60_000;

/**
 * Attempts of a flex call, the first included: sheds are expected under load, so a flex call
 * gets more tries than a standard one before it fails its session (and only then counts toward
 * the run's consecutive failures).
 */
export const DEFAULT_FLEX_MAX_ATTEMPTS = 8;

/** How the service sheds flex requests it has no room for. */
export function isShed(status: number | null): boolean {
  return status === 429 || status === 503;
}

/**
 * The tier each attempt of one call is sent at: the asked tier, until `fallbackAfter` flex
 * sheds of this call (0: never), after which the call is resent at standard.
 */
export class ServiceTierPlan {
  private sheds = 0;
  private current: ServiceTier;

  constructor(
    tier: ServiceTier,
    private readonly fallbackAfter: number,
  ) {
    this.current = tier;
  }

  get tier(): ServiceTier {
    return this.current;
  }

  /** Told of each failed attempt before the next one is sent. */
  noteRetry(event: Pick<GeminiRetryEvent, 'status'>): void {
    if (this.current !== 'flex' || !isShed(event.status)) return;
    this.sheds += 1;
    if (this.fallbackAfter > 0 && this.sheds >= this.fallbackAfter) this.current = 'standard';
  }
}
