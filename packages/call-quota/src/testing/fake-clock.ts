/**
 * Test time for the quota modules: `sleep` moves the clock forward instead of waiting, and
 * a sleep whose signal aborts returns at once, as the real one does.
 */
export function createFakeClock(start = 0) {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => time,
    advance: (milliseconds: number) => {
      time += milliseconds;
    },
    sleeps,
    sleep: async (milliseconds: number, signal?: AbortSignal) => {
      sleeps.push(milliseconds);
      // Lets the other side of a race (a call ending) run first, as a real timer would.
      await new Promise((resolve) => setImmediate(resolve));
      if (!signal?.aborted) time += milliseconds;
    },
  };
}
