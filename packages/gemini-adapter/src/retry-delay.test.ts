import { backoffDelay, throttledDelay } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { retryDelayFromErrorBody } from './retry-delay.js';

function bodyWith(details: unknown): unknown {
  return { error: { code: 429, details } };
}

describe('retry delays', () => {
  it('should read RetryInfo retryDelay in seconds, fractions included', () => {
    const body = bodyWith([
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure' },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '1.5s' },
    ]);
    expect(retryDelayFromErrorBody(body)).toBe(1500);
  });

  it('should return null without RetryInfo or with a malformed delay', () => {
    expect(retryDelayFromErrorBody(bodyWith(undefined))).toBeNull();
    expect(
      retryDelayFromErrorBody(bodyWith([{ '@type': 'x.google.rpc.RetryInfo', retryDelay: 'soon' }])),
    ).toBeNull();
    expect(retryDelayFromErrorBody(null)).toBeNull();
  });

  it('should double the backoff per attempt with jitter within the upper half, capped at 60 s', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 0.999)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(20, () => 0.999)).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(20, () => 0)).toBe(30_000);
  });

  it('should wait at least the delay a 429 asks for, with at most a tenth more (up to 1 s)', () => {
    expect(throttledDelay(17_000, () => 0)).toBe(17_000);
    expect(throttledDelay(17_000, () => 0.5)).toBe(17_500);
    expect(throttledDelay(2_000, () => 0.999)).toBe(2_200);
  });
});
