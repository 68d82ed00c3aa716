import { describe, expect, it } from 'vitest';
import { ChangeSignal } from './change-signal.js';

describe('ChangeSignal', () => {
  it('should end a wait when its sleep ends', async () => {
    const asked: number[] = [];
    const changes = new ChangeSignal(async (milliseconds) => {
      asked.push(milliseconds);
    });
    await changes.wait(250);
    expect(asked).toEqual([250]);
  });

  it('should end a wait at once on a change and cancel its sleep', async () => {
    let sleepSignal: AbortSignal | undefined;
    const changes = new ChangeSignal((_milliseconds, signal) => {
      sleepSignal = signal;
      return new Promise(() => {});
    });
    const waiting = changes.wait(60_000);
    changes.notify();
    await waiting;
    expect(sleepSignal?.aborted).toBe(true);
  });

  it('should wait for a change only when given no delay', async () => {
    const changes = new ChangeSignal(() => Promise.reject(new Error('no sleep expected')));
    let ended = false;
    const waiting = changes.wait(null).then(() => {
      ended = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(ended).toBe(false);
    changes.notify();
    await waiting;
    expect(ended).toBe(true);
  });
});
