import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from './adaptive-concurrency.js';

describe('AdaptiveConcurrency', () => {
  it('should have no cap until a 429, then halve what was in flight', () => {
    const concurrency = new AdaptiveConcurrency();
    const tickets = Array.from({ length: 10 }, () => concurrency.start());
    expect(concurrency.cap).toBe(Number.POSITIVE_INFINITY);
    expect(concurrency.hasRoom()).toBe(true);
    concurrency.throttled(tickets[0] as never);
    expect(concurrency.cap).toBe(5);
    expect(concurrency.inFlight).toBe(9);
    expect(concurrency.hasRoom()).toBe(false);
  });

  it('should cut once for 429s of calls sent before the cut, again for later ones', () => {
    const concurrency = new AdaptiveConcurrency();
    const burst = Array.from({ length: 8 }, () => concurrency.start());
    for (const ticket of burst.slice(0, 4)) concurrency.throttled(ticket);
    expect(concurrency.cap).toBe(4);
    for (const ticket of burst.slice(4)) concurrency.succeeded(ticket);
    const later = [concurrency.start(), concurrency.start()];
    concurrency.throttled(later[0] as never);
    expect(concurrency.cap).toBe(1);
  });

  it('should never go below 1, and grow back by one per cap of successes', () => {
    const concurrency = new AdaptiveConcurrency();
    concurrency.throttled(concurrency.start());
    expect(concurrency.cap).toBe(1);
    expect(concurrency.hasRoom()).toBe(true);
    concurrency.succeeded(concurrency.start());
    expect(concurrency.cap).toBe(2);
    concurrency.succeeded(concurrency.start());
    expect(concurrency.cap).toBe(2);
    concurrency.succeeded(concurrency.start());
    expect(concurrency.cap).toBe(3);
  });

  it('should free the slot of a call that failed otherwise, without changing the cap', () => {
    const concurrency = new AdaptiveConcurrency();
    const ticket = concurrency.start();
    concurrency.failed(ticket);
    expect(concurrency.inFlight).toBe(0);
    expect(concurrency.cap).toBe(Number.POSITIVE_INFINITY);
  });
});
