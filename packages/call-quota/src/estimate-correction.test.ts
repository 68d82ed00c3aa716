import { describe, expect, it } from 'vitest';
import { EstimateCorrection } from './estimate-correction.js';

describe('EstimateCorrection', () => {
  it('should leave estimates alone until a real count is known', () => {
    const correction = new EstimateCorrection();
    expect(correction.factor).toBe(1);
    expect(correction.correct(101)).toBe(101);
  });

  it('should scale later estimates by real over estimated totals', () => {
    const correction = new EstimateCorrection();
    correction.observe(100, 150);
    correction.observe(300, 450);
    expect(correction.factor).toBe(1.5);
    expect(correction.correct(10)).toBe(15);
    correction.observe(400, 200);
    expect(correction.factor).toBe(1);
  });

  it('should ignore an empty estimate, which says nothing about the bias', () => {
    const correction = new EstimateCorrection();
    correction.observe(0, 50);
    expect(correction.factor).toBe(1);
  });
});
