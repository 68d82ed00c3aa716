import { describe, expect, it } from 'vitest';
import { CallSlots } from './call-slots.js';

/** Lets every wait that can end now end. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CallSlots', () => {
  it('should give out the slots at once, then hand each freed one to the longest waiter', async () => {
    const slots = new CallSlots(2);
    const first = await slots.take();
    const second = await slots.take();
    const order: string[] = [];
    const third = slots.take().then((release) => {
      order.push('third');
      return release;
    });
    const fourth = slots.take().then((release) => {
      order.push('fourth');
      return release;
    });
    await settle();
    expect(order).toEqual([]);
    first();
    // A second release of the same slot frees nothing more.
    first();
    await settle();
    expect(order).toEqual(['third']);
    second();
    await settle();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    // All free again: two more at once.
    await Promise.all([slots.take(), slots.take()]);
  });

  it('should drop a waiter whose signal aborts, with ABORTED, and give the slot to the next', async () => {
    const slots = new CallSlots(1);
    const held = await slots.take();
    const controller = new AbortController();
    const aborted = slots.take(controller.signal);
    const next = slots.take();
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ code: 'ABORTED' });
    held();
    await expect(next).resolves.toBeTypeOf('function');
    await expect(slots.take(controller.signal)).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
