import { setImmediate as nextTurn } from 'node:timers/promises';

export interface DrainOutcome {
  /** The first error, when one stopped the taking. */
  stopped: { error: unknown } | undefined;
  /** True when the gate said no with no item in flight: the taking ended there. */
  heldBack: boolean;
}

export interface DrainOptions<T> {
  items: AsyncIterator<T>;
  concurrency: number;
  /** How many items to take at most; all when absent. */
  limit?: number;
  /**
   * A place every item needs (a budget): `tryEnter` reserves one before the item is read, or
   * says no, which holds the taking back until an item in flight settles, and ends it when
   * none is in flight. `leave` frees it when the item is done.
   */
  gate?: { tryEnter(): boolean; leave(): void };
  /** Runs after each read of `items`, e.g. to record what the source passed over. */
  afterRead: () => Promise<void>;
  process: (item: T) => Promise<void>;
  /** Called on the first error only; `during` tells a failed read from a failed item. */
  onStop: (error: unknown, during: 'read' | 'process') => void;
}

/**
 * Takes items from one async iterator with `concurrency` workers until it ends, the limit
 * is reached or an error stops the taking. Items in flight always settle before it returns.
 * Says what stopped it: an error, or the gate with nothing left in flight.
 */
export async function drainConcurrently<T>(options: DrainOptions<T>): Promise<DrainOutcome> {
  // The source need not accept overlapping next() calls: workers take turns.
  let queue: Promise<unknown> = Promise.resolve();
  const read = () => {
    const next = queue.then(() => options.items.next());
    queue = next.catch(() => undefined);
    return next;
  };
  let taken = 0;
  let stopped: { error: unknown } | undefined;
  let heldBack = false;
  const stop = (error: unknown, during: 'read' | 'process') => {
    if (stopped !== undefined) return;
    stopped = { error };
    options.onStop(error, during);
  };
  const canTake = () => stopped === undefined && (options.limit === undefined || taken < options.limit);

  // Resolved whenever an item settles: a worker held back by the gate waits for it.
  let inFlight = 0;
  let settled = signal();

  /**
   * Claims the next item's place, waiting while the gate says no and items are in flight.
   * The checks and the claim happen in one tick, so two workers never claim the same room.
   */
  async function enter(): Promise<boolean> {
    for (;;) {
      if (!canTake()) return false;
      if (options.gate?.tryEnter() ?? true) {
        // The slot is taken before the read, so idle workers never read past the limit.
        taken += 1;
        inFlight += 1;
        return true;
      }
      if (inFlight === 0) {
        heldBack = true;
        return false;
      }
      await settled.promise;
    }
  }

  async function worker(): Promise<void> {
    for (;;) {
      // Each item starts on a new turn of the event loop. Items that never wait for I/O (the
      // simulated model answers at once, session files are written synchronously) would run
      // the whole drain as microtasks, and a Ctrl-C, a timer or progress output would wait
      // for the end.
      await nextTurn();
      if (!(await enter())) return;
      let more = false;
      try {
        more = await take();
      } finally {
        inFlight -= 1;
        options.gate?.leave();
        settled.resolve();
        settled = signal();
      }
      if (!more) return;
    }
  }

  /** Reads and processes one item; false when there is nothing more to take. */
  async function take(): Promise<boolean> {
    let next: IteratorResult<T>;
    try {
      next = await read();
      await options.afterRead();
    } catch (error) {
      stop(error, 'read');
      return false;
    }
    if (next.done || stopped !== undefined) return false;
    try {
      await options.process(next.value);
    } catch (error) {
      stop(error, 'process');
    }
    return true;
  }

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return { stopped, heldBack };
}

/** A promise with its resolver (Promise.withResolvers needs Node 22). */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
