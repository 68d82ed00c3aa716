import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelayFromErrorBody } from './retry-delay.js';

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
});
