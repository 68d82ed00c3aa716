import { Tp2dgError } from '@tp2dg/entities';
import { GEMINI_PRICE_TABLE } from '@tp2dg/gemini-adapter/planning';
import { describe, expect, it } from 'vitest';
import { assertModelInService, DEFAULT_MODEL, withModelAdvice } from './model-choice.js';

const notFound = (model: string) =>
  new Tp2dgError('MODEL_NOT_FOUND', `HTTP 404 NOT_FOUND: models/${model} is not found.`);

describe('the model choice', () => {
  it('should refuse a retired model from its shutdown day on, and not before', () => {
    const check = (day: string) => () =>
      assertModelInService('gemini-2.5-pro', GEMINI_PRICE_TABLE, new Date(day));
    expect(check('2026-11-30T23:59:59Z')).not.toThrow();
    expect(check('2026-12-01T00:00:00Z')).toThrow(
      '--model gemini-2.5-pro was shut down on 2026-12-01: the service no longer serves it. Use --model gemini-3.8-flash (its replacement), or leave --model out for the default, gemini-3.5-flash-lite.',
    );
    expect(() => assertModelInService(DEFAULT_MODEL, GEMINI_PRICE_TABLE, new Date())).not.toThrow();
    expect(() => assertModelInService('gemini-9-ultra', GEMINI_PRICE_TABLE, new Date())).not.toThrow();
  });

  it('should add what to run instead to a model the service did not find, and leave other errors alone', () => {
    const advised = (model: string) =>
      (withModelAdvice(notFound(model), model, GEMINI_PRICE_TABLE) as Error).message;
    expect(advised('gemini-9-ultra')).toBe(
      'HTTP 404 NOT_FOUND: models/gemini-9-ultra is not found. Check --model, or leave it out for the default, gemini-3.5-flash-lite.',
    );
    expect(advised('gemini-2.5-flash')).toMatch(/Use --model gemini-3\.5-flash-lite \(its replacement\)/);
    const other = new Tp2dgError('MODEL_API', 'HTTP 503');
    expect(withModelAdvice(other, 'gemini-9-ultra', GEMINI_PRICE_TABLE)).toBe(other);
  });
});
