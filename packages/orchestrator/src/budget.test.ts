import { describe, expect, it } from 'vitest';
import { Budget } from './budget.js';

const cost = 0.3;

describe('Budget', () => {
  it('should start one conversation until one has a cost, then as many as the ceiling allows', () => {
    const budget = new Budget(cost * 3.5);
    expect(budget.tryEnter()).toBe(true);
    expect(budget.tryEnter()).toBe(false);
    budget.spend(cost);
    budget.conversationFinished();
    budget.leave();
    // Spent 1; running 0: up to 2 more fit (1 + 2 <= 3.5), a third would pass the ceiling.
    expect(budget.tryEnter()).toBe(true);
    expect(budget.tryEnter()).toBe(true);
    expect(budget.tryEnter()).toBe(false);
    expect(budget.spentUsd).toBeCloseTo(cost, 10);
  });

  it('should count what a failed conversation spent in the mean cost of the finished ones', () => {
    const budget = new Budget(cost * 4.5);
    budget.tryEnter();
    budget.spend(cost);
    budget.leave();
    // It failed: no mean yet, so still only one at a time.
    expect(budget.tryEnter()).toBe(true);
    expect(budget.tryEnter()).toBe(false);
    budget.spend(cost);
    budget.conversationFinished();
    budget.leave();
    // Spent 2 for 1 written: a mean of 2, so one more fits (2 + 2 <= 4.5), a second not (2 + 4).
    expect(budget.tryEnter()).toBe(true);
    expect(budget.tryEnter()).toBe(false);
    expect(budget.spentUsd).toBeCloseTo(cost * 2, 10);
  });

  it('should never hold back a run without a ceiling, or one whose calls cost nothing (simulated)', () => {
    const unlimited = new Budget(undefined);
    const simulated = new Budget(0.000001);
    for (let index = 0; index < 5; index += 1) {
      expect(unlimited.tryEnter()).toBe(true);
      expect(simulated.tryEnter()).toBe(true);
      simulated.spend(0);
      simulated.conversationFinished();
    }
    expect(simulated.spentUsd).toBe(0);
  });
});
