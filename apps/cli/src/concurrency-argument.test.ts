import { describe, expect, it } from 'vitest';
import { parseConcurrency, resolveConcurrency } from './concurrency-argument.js';

describe('parseConcurrency', () => {
  it('should read auto or a whole number of at least 1', () => {
    expect(parseConcurrency('auto')).toBe('auto');
    expect(parseConcurrency(' 12 ')).toBe(12);
  });

  it('should refuse anything else with the expected form', () => {
    for (const value of ['0', '-3', '2.5', 'many', '', 'Auto']) {
      expect(() => parseConcurrency(value), value).toThrow('--concurrency takes auto or a whole number');
    }
  });
});

describe('resolveConcurrency', () => {
  it('should keep a number as given, whatever the limits', () => {
    expect(resolveConcurrency(4, { rpm: 1000 })).toBe(4);
  });

  it('should work auto out from the limits, and take the default without them', () => {
    expect(resolveConcurrency('auto', {})).toBe(64);
    expect(resolveConcurrency('auto', { rpm: 150 })).toBe(25);
  });

  it('should run as many sessions as a batch job takes calls in batch mode, and a number as given', () => {
    expect(resolveConcurrency('auto', {}, 'batch')).toBe(1000);
    expect(resolveConcurrency(8, {}, 'batch')).toBe(8);
  });
});
