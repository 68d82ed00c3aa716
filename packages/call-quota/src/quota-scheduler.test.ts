import { describe, expect, it } from 'vitest';
import { PACING_BURST_MS } from './even-pacing.js';
import { QuotaScheduler, TOKEN_SAFETY_MARGIN } from './quota-scheduler.js';
import type { QuotaPermit } from './quota-types.js';
import { createFakeClock } from './testing/fake-clock.js';

/** Lets every pending admission that can happen now happen. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function start(options: { rpm?: number; tpm?: number }) {
  const clock = createFakeClock();
  const scheduler = new QuotaScheduler({ ...options, now: clock.now, sleep: clock.sleep });
  const admittedAt: number[] = [];
  const acquire = (estimate = 0, signal?: AbortSignal) =>
    scheduler.acquire(estimate, signal).then((permit) => {
      admittedAt.push(clock.now());
      return permit;
    });
  return { clock, scheduler, admittedAt, acquire };
}

describe('QuotaScheduler', () => {
  it('should admit at once while within the limits and the one second the pace lets go together', async () => {
    const { clock, acquire } = start({ rpm: 1000, tpm: 100_000 });
    const permits = await Promise.all([acquire(100), acquire(100), acquire(100)]);
    for (const permit of permits) permit.succeeded(100);
    expect(clock.sleeps).toEqual([]);
  });

  it('should let no more than the RPM into any minute, whatever the pace allows', async () => {
    const { acquire, admittedAt } = start({ rpm: 9 });
    await Promise.all(
      Array.from({ length: 10 }, () => acquire().then((permit) => permit.succeeded(undefined))),
    );
    // At 9 a minute the pace lets the tenth go at 59 s; the first call leaves the minute at 60 s.
    expect(admittedAt.filter((time) => time < 60_000)).toHaveLength(9);
    expect(admittedAt[9]).toBe(60_000);
  });

  it('should spread the calls of an RPM over the minute instead of sending them at once', async () => {
    const { acquire, admittedAt } = start({ rpm: 60 });
    await Promise.all(
      Array.from({ length: 60 }, () => acquire().then((permit) => permit.succeeded(undefined))),
    );
    // One a second, the first second's two together (PACING_BURST_MS): a sliding window
    // alone admitted all 60 at 0 s.
    expect(admittedAt.slice(0, 4)).toEqual([0, 0, 1000, 2000]);
    expect(admittedAt.at(-1)).toBe(58_000);
    for (let second = 0; second < 60_000; second += 1000) {
      expect(admittedAt.filter((time) => time >= second && time < second + 1000).length).toBeLessThanOrEqual(
        2,
      );
    }
  });

  it('should pace input tokens by the count the answers report, not the estimate', async () => {
    const { acquire, admittedAt } = start({ tpm: 10_000 });
    const msPerToken = 60_000 / (10_000 * (1 - TOKEN_SAFETY_MARGIN));
    // Estimated 1,000 tokens, really 2,000: the pace books 2,000, and the next estimate of
    // 1,000 is corrected to 2,000 as well.
    (await acquire(1000)).succeeded(2000);
    (await acquire(1000)).succeeded(2000);
    expect(admittedAt[0]).toBe(0);
    expect(admittedAt[1]).toBeCloseTo(2000 * msPerToken - PACING_BURST_MS, 6);
  });

  it('should hold calls by input tokens, and count the real tokens once an answer gives them', async () => {
    const { clock, acquire, admittedAt } = start({ tpm: 1000 });
    const first = await acquire(500);
    // Estimated 500, really 900: with 970 usable (3% kept free), 70 more fit, 90 do not.
    first.succeeded(900);
    clock.advance(10_000);
    // Its estimate of 50 is corrected by 900/500 to 90.
    (await acquire(50)).succeeded(90);
    // The first was stamped when it ended, at 0: room again at 60 s.
    expect(admittedAt).toEqual([0, 60_000]);
  });

  it('should pause new calls for the retry delay of a 429 and halve the calls in flight', async () => {
    const { acquire, scheduler, admittedAt } = start({ rpm: 1000 });
    const permits = await Promise.all(Array.from({ length: 4 }, () => acquire()));
    (permits[0] as QuotaPermit).rateLimited(5000);
    expect(scheduler.status).toMatchObject({ concurrencyCap: 2, inFlight: 3, rateLimited: 1 });
    const next = acquire();
    await settle();
    // Three in flight with a cap of 2: it waits for calls to end, then for the pause.
    expect(admittedAt).toEqual([0, 0, 0, 0]);
    (permits[1] as QuotaPermit).succeeded(undefined);
    (permits[2] as QuotaPermit).succeeded(undefined);
    (await next).succeeded(undefined);
    expect(admittedAt.at(-1)).toBe(5000);
    expect(scheduler.status).toMatchObject({ waits: 1, waitedMs: 5000 });
  });

  it('should admit first come, first served, so a large call is not overtaken by small ones', async () => {
    const { acquire, admittedAt } = start({ tpm: 1000 });
    (await acquire(600)).succeeded(600);
    const order: string[] = [];
    const large = acquire(800).then(() => order.push('large'));
    const small = acquire(10).then(() => order.push('small'));
    await Promise.all([large, small]);
    expect(order).toEqual(['large', 'small']);
    // The large one waited for the first to leave the minute; the small one for its turn.
    expect(admittedAt[1]).toBe(60_000);
    expect(admittedAt[2]).toBeGreaterThan(60_000);
  });

  it('should drop a waiting call whose signal aborts and go on with the next', async () => {
    const { acquire, admittedAt } = start({ rpm: 1 });
    (await acquire()).succeeded(undefined);
    const controller = new AbortController();
    const aborted = acquire(0, controller.signal);
    const next = acquire();
    controller.abort(new Error('stop'));
    await expect(aborted).rejects.toThrow('stop');
    await next;
    expect(admittedAt).toEqual([0, 60_000]);
  });

  it('should count each permit once, whatever the caller calls twice', async () => {
    const { acquire, scheduler } = start({ rpm: 100 });
    const permit = await acquire();
    permit.succeeded(undefined);
    permit.rateLimited(1000);
    permit.failed();
    expect(scheduler.status).toMatchObject({
      inFlight: 0,
      rateLimited: 0,
      concurrencyCap: Number.POSITIVE_INFINITY,
    });
  });
});
