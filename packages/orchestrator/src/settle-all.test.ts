import { describe, expect, it } from 'vitest';
import { settleAll } from './settle-all.js';

/** A task that settles after `ms` with what `settle` returns, or rejects with what it throws. */
const after = <T>(ms: number, settle: () => T): Promise<T> =>
  new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(settle());
      } catch (error) {
        reject(error);
      }
    }, ms),
  );

describe('settleAll', () => {
  it('should give every value in order when all tasks succeed', async () => {
    await expect(settleAll([after(5, () => 'slow'), after(1, () => 'fast')])).resolves.toEqual([
      'slow',
      'fast',
    ]);
  });

  it('should throw the first failure only once every sibling has settled', async () => {
    const log: string[] = [];
    const outcome = settleAll([
      after(20, () => log.push('sibling settled')),
      after(1, () => {
        throw new Error('first');
      }),
      after(5, () => {
        throw new Error('second');
      }),
    ]);
    await expect(outcome).rejects.toThrow('first');
    expect(log).toEqual(['sibling settled']);
  });
});
