import { describe, expect, it } from 'vitest';
import {
  autoConcurrency,
  DEFAULT_CONCURRENCY,
  MAX_AUTO_CONCURRENCY,
  TYPICAL_CALL_MS,
  TYPICAL_INPUT_TOKENS,
} from './auto-concurrency.js';

describe('autoConcurrency', () => {
  it('should take the documented default without a rate limit', () => {
    expect(autoConcurrency({})).toBe(DEFAULT_CONCURRENCY);
    expect(DEFAULT_CONCURRENCY).toBe(64);
  });

  it('should keep an RPM busy at a typical call latency: calls per minute x minutes per call', () => {
    expect(TYPICAL_CALL_MS).toBe(10_000);
    // 150 calls a minute, each in flight for a sixth of a minute: 25 at a time.
    expect(autoConcurrency({ rpm: 150 })).toBe(25);
    // A free tier's 10 a minute: 1.67, rounded up.
    expect(autoConcurrency({ rpm: 10 })).toBe(2);
  });

  it('should count a TPM as calls of typical input, and take the tighter of the two limits', () => {
    expect(TYPICAL_INPUT_TOKENS).toBe(4000);
    // 1,000,000 tokens a minute is 250 calls of 4,000: 42 at a time (41.7 rounded up).
    expect(autoConcurrency({ tpm: 1_000_000 })).toBe(42);
    expect(autoConcurrency({ rpm: 150, tpm: 1_000_000 })).toBe(25);
    expect(autoConcurrency({ rpm: 4000, tpm: 1_000_000 })).toBe(42);
  });

  it('should stay between 1 and its ceiling', () => {
    expect(autoConcurrency({ rpm: 1 })).toBe(1);
    expect(autoConcurrency({ tpm: 100 })).toBe(1);
    expect(autoConcurrency({ rpm: 100_000 })).toBe(MAX_AUTO_CONCURRENCY);
  });
});
