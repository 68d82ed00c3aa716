import { describe, expect, it } from 'vitest';
import { SlidingWindow } from './sliding-window.js';

describe('SlidingWindow', () => {
  /** Adds an entry already answered at `at`. */
  function addClosed(window: SlidingWindow, at: number, amount: number) {
    window.update(window.add(at, amount), amount, at);
  }

  it('should count what was added over the last minute only', () => {
    const window = new SlidingWindow(10);
    addClosed(window, 0, 4);
    addClosed(window, 30_000, 5);
    expect(window.used(59_999)).toBe(9);
    expect(window.used(60_000)).toBe(5);
    expect(window.used(90_000)).toBe(0);
  });

  it('should wait until enough of the oldest entries expire for the amount to fit', () => {
    const window = new SlidingWindow(10);
    addClosed(window, 0, 4);
    addClosed(window, 20_000, 5);
    expect(window.waitFor(25_000, 1)).toBe(0);
    // 9 used, 3 more needs the first entry (4) gone: at 60 s.
    expect(window.waitFor(25_000, 3)).toBe(35_000);
    // 7 more needs both gone: at 80 s.
    expect(window.waitFor(25_000, 7)).toBe(55_000);
  });

  it('should let through no more than the limit in any minute, unlike a token bucket', () => {
    const window = new SlidingWindow(5);
    const admitted: number[] = [];
    for (let time = 0; time < 180_000; time += 1000) {
      if (window.waitFor(time, 1) === 0) {
        addClosed(window, time, 1);
        admitted.push(time);
      }
    }
    for (const start of admitted) {
      expect(admitted.filter((time) => time >= start && time < start + 60_000).length).toBeLessThanOrEqual(5);
    }
    expect(admitted).toHaveLength(15);
  });

  it('should let an amount larger than the limit go alone once the window is empty', () => {
    const window = new SlidingWindow(10);
    addClosed(window, 0, 3);
    expect(window.waitFor(10_000, 25)).toBe(50_000);
    expect(window.waitFor(60_000, 25)).toBe(0);
  });

  it('should keep an entry in flight counted until it closes, then a minute from its close', () => {
    const window = new SlidingWindow(10);
    const entry = window.add(0, 6);
    expect(window.used(90_000)).toBe(6);
    // Room for 4 more; 5 needs the open entry to close first: no time can be promised.
    expect(window.waitFor(90_000, 5)).toBe(Number.POSITIVE_INFINITY);
    window.update(entry, 8, 95_000);
    expect(window.used(154_999)).toBe(8);
    expect(window.waitFor(100_000, 5)).toBe(55_000);
    expect(window.used(155_000)).toBe(0);
  });
});
