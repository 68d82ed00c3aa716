import { Tp2dgError } from '@tp2dg/entities';

/**
 * A fixed number of slots taken first come, first served: a freed slot goes straight to the
 * longest waiter. A wait ends early when its signal aborts, without taking a slot.
 */
export class CallSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.free = Math.max(1, limit);
  }

  /** Resolves with the slot's release (later calls of it do nothing); rejects with ABORTED. */
  async take(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw abortedWait();
    if (this.free > 0) {
      this.free -= 1;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.waiting.splice(this.waiting.indexOf(wake), 1);
        reject(abortedWait());
      };
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiting.push(wake);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next === undefined) this.free += 1;
      else next();
    };
  }
}

function abortedWait(): Tp2dgError {
  return new Tp2dgError('ABORTED', 'A model call was aborted while it waited for a free call slot.');
}
