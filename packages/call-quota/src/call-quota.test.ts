import { describe, expect, it } from 'vitest';
import { createCallQuota } from './call-quota.js';
import { createFakeClock } from './testing/fake-clock.js';

function start(limits: { rpm?: number; tpm?: number }) {
  const clock = createFakeClock();
  return { clock, quota: createCallQuota({ ...limits, now: clock.now, sleep: clock.sleep }) };
}

describe('createCallQuota', () => {
  it('should refuse a limit that is not a positive number, naming it', () => {
    expect(() => start({ rpm: 0 })).toThrow(/quota option rpm must be a positive number \(got 0\)/);
    expect(() => start({ tpm: Number.NaN })).toThrow(/tpm must be a positive number/);
  });

  it('should ask for a token estimate only under a TPM', () => {
    expect(start({ rpm: 10 }).quota.countsTokens).toBe(false);
    expect(start({ tpm: 10_000 }).quota.countsTokens).toBe(true);
  });

  it('should halve the calls in flight on a 429 only, and free the slot of any other failure', async () => {
    const { quota } = start({});
    const permits = await Promise.all(Array.from({ length: 4 }, () => quota.acquire(0)));
    permits[0]?.failed({ status: 500, retryDelayMs: null });
    permits[1]?.failed(null);
    expect(quota.status()).toMatchObject({ concurrencyCap: Number.POSITIVE_INFINITY, inFlight: 2 });
    permits[2]?.failed({ status: 429, retryDelayMs: null });
    expect(quota.status()).toMatchObject({ concurrencyCap: 1, inFlight: 1, rateLimited: 1 });
  });

  it("should hold back new calls for a 429's asked wait under a limit, and leave it to the retry without one", async () => {
    for (const [limits, admittedAt] of [
      [{ rpm: 1000 }, 5000],
      [{}, 0],
    ] as const) {
      const { clock, quota } = start(limits);
      (await quota.acquire(0)).failed({ status: 429, retryDelayMs: 5000 });
      await quota.acquire(0);
      expect(clock.now()).toBe(admittedAt);
    }
  });

  it('should correct later estimates from the tokens the service reported', async () => {
    const { quota } = start({ tpm: 100_000 });
    (await quota.acquire(100)).succeeded(150);
    (await quota.acquire(100)).succeeded(undefined);
    expect(quota.status().estimateFactor).toBe(1.5);
  });
});
