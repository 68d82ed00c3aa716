import { describe, expect, it } from 'vitest';
import { allOrAbort } from './all-or-abort.js';

/** A task that resolves after `ms` unless its signal aborts first. */
function task(signal: AbortSignal, ms: number, log: string[], name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      log.push(`${name} done`);
      resolve(name);
    }, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      log.push(`${name} aborted`);
      reject(new Error(`${name} aborted`));
    });
  });
}

describe('allOrAbort', () => {
  it('should return every value when all tasks succeed', async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const values = await allOrAbort(controller, [
      task(controller.signal, 5, log, 'a'),
      task(controller.signal, 1, log, 'b'),
    ]);
    expect(values).toEqual(['a', 'b']);
    expect(controller.signal.aborted).toBe(false);
  });

  it('should abort the siblings of the first failure, wait for them, and throw that failure', async () => {
    const controller = new AbortController();
    const log: string[] = [];
    const failing = new Promise<string>((_, reject) =>
      setTimeout(() => reject(new Error('profile failed')), 2),
    );
    const outcome = allOrAbort(controller, [task(controller.signal, 10_000, log, 'goal'), failing]);
    await expect(outcome).rejects.toThrow('profile failed');
    expect(log).toEqual(['goal aborted']);
  });
});
