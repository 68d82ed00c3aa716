export interface DrainOptions<T> {
  items: AsyncIterator<T>;
  concurrency: number;
  /** How many items to take at most; all when absent. */
  limit?: number;
  /** Runs after each read of `items`, e.g. to record what the source passed over. */
  afterRead: () => Promise<void>;
  process: (item: T) => Promise<void>;
  /** Called on the first error only; `during` tells a failed read from a failed item. */
  onStop: (error: unknown, during: 'read' | 'process') => void;
}

/**
 * Takes items from one async iterator with `concurrency` workers until it ends, the limit
 * is reached or an error stops the taking. Items in flight always settle before it returns.
 * Returns the error that stopped it, if any.
 */
export async function drainConcurrently<T>(
  options: DrainOptions<T>,
): Promise<{ error: unknown } | undefined> {
  // The source need not accept overlapping next() calls: workers take turns.
  let queue: Promise<unknown> = Promise.resolve();
  const read = () => {
    const next = queue.then(() => options.items.next());
    queue = next.catch(() => undefined);
    return next;
  };
  let taken = 0;
  let stopped: { error: unknown } | undefined;
  const stop = (error: unknown, during: 'read' | 'process') => {
    if (stopped !== undefined) return;
    stopped = { error };
    options.onStop(error, during);
  };
  const canTake = () => stopped === undefined && (options.limit === undefined || taken < options.limit);

  async function worker(): Promise<void> {
    while (canTake()) {
      // The slot is taken before the wait, so idle workers never read past the limit.
      taken += 1;
      let next: IteratorResult<T>;
      try {
        next = await read();
        await options.afterRead();
      } catch (error) {
        stop(error, 'read');
        return;
      }
      if (next.done || stopped !== undefined) return;
      try {
        await options.process(next.value);
      } catch (error) {
        stop(error, 'process');
      }
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  return stopped;
}
