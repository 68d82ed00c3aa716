import { describe, expect, it } from 'vitest';
import { drainConcurrently } from './drain-concurrently.js';

async function* numbers(count: number, failAt?: number) {
  for (let value = 0; value < count; value += 1) {
    if (value === failAt) throw new Error(`cannot read ${value}`);
    yield value;
  }
}

const noop = async () => {};

describe('drainConcurrently', () => {
  it('should process every item once, several at a time', async () => {
    const seen: number[] = [];
    let running = 0;
    let peak = 0;
    const process = async (item: number) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(item);
      running -= 1;
    };
    const { stopped } = await drainConcurrently({
      items: numbers(10),
      concurrency: 3,
      afterRead: noop,
      process,
      onStop: () => {},
    });
    expect(stopped).toBeUndefined();
    expect(seen.sort((left, right) => left - right)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });

  it('should read no further than the limit', async () => {
    let reads = 0;
    const items = numbers(10);
    const counted: AsyncIterator<number> = {
      next: () => {
        reads += 1;
        return items.next();
      },
    };
    await drainConcurrently({
      items: counted,
      concurrency: 5,
      limit: 2,
      afterRead: noop,
      process: noop,
      onStop: () => {},
    });
    expect(reads).toBe(2);
  });

  it('should tell a failed read from a failed item, report only the first, and let items in flight settle', async () => {
    const stops: string[] = [];
    const finished: number[] = [];
    const process = async (item: number) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished.push(item);
    };
    const { stopped } = await drainConcurrently({
      items: numbers(5, 2),
      concurrency: 2,
      afterRead: noop,
      process,
      onStop: (_error, during) => stops.push(during),
    });
    expect(stopped?.error).toEqual(new Error('cannot read 2'));
    expect(stops).toEqual(['read']);
    expect(finished.sort()).toEqual([0, 1]);
    const { stopped: failing } = await drainConcurrently({
      items: numbers(5),
      concurrency: 1,
      afterRead: noop,
      process: async () => Promise.reject(new Error('bad item')),
      onStop: (_error, during) => stops.push(during),
    });
    expect(failing?.error).toEqual(new Error('bad item'));
    expect(stops).toEqual(['read', 'process']);
  });

  it('should hold the taking while mayTake says no and items are in flight, and end it when none are', async () => {
    let started = 0;
    let finished = 0;
    let running = 0;
    let peak = 0;
    const { stopped, heldBack } = await drainConcurrently({
      items: numbers(10),
      concurrency: 4,
      // Like the budget: one alone until it finishes, then two more, then no more.
      gate: {
        tryEnter: () => {
          const allowed = finished === 0 ? started === 0 : started < 3;
          if (allowed) started += 1;
          return allowed;
        },
        leave: () => {},
      },
      afterRead: async () => {},
      process: async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 2));
        running -= 1;
        finished += 1;
      },
      onStop: () => {},
    });
    expect(stopped).toBeUndefined();
    expect(heldBack).toBe(true);
    expect(started).toBe(3);
    expect(peak).toBe(2);
  });
});
