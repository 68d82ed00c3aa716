import { describe, expect, it } from 'vitest';
import { parseThinkingBudget } from './thinking-budget-argument.js';

describe('--thinking-budget', () => {
  it('should read least, model and whole numbers from 0', () => {
    expect(parseThinkingBudget('least')).toBe('least');
    expect(parseThinkingBudget(' model ')).toBe('model');
    expect(parseThinkingBudget('0')).toBe(0);
    expect(parseThinkingBudget('2048')).toBe(2048);
  });

  it('should refuse anything else with the forms it takes', () => {
    for (const value of ['', '-1', '1.5', 'auto', 'none']) {
      expect(() => parseThinkingBudget(value)).toThrow(
        `--thinking-budget takes least, model or a whole number of at least 0 (got ${value})`,
      );
    }
  });
});
