import { GEMINI_PRICE_TABLE } from '@tp2dg/gemini-adapter/planning';
import { describe, expect, it } from 'vitest';
import { resolveContextCache } from './context-cache-choice.js';

describe('the --context-cache choice', () => {
  it('should default to explicit where the price table gives a minimum, and to implicit elsewhere', () => {
    expect(resolveContextCache(undefined, 'gemini-3.5-flash', GEMINI_PRICE_TABLE)).toEqual({
      mode: 'explicit',
      minTokens: 4096,
    });
    expect(resolveContextCache(undefined, 'gemini-3.5-flash-lite', GEMINI_PRICE_TABLE)).toEqual({
      mode: 'implicit',
      minTokens: undefined,
    });
    expect(resolveContextCache('off', 'gemini-3.5-flash', GEMINI_PRICE_TABLE).mode).toBe('off');
  });

  it('should refuse explicit for a model without explicit caching, naming the models that have it', () => {
    expect(() => resolveContextCache('explicit', 'gemini-3.5-flash-lite', GEMINI_PRICE_TABLE)).toThrow(
      '--context-cache explicit: gemini-3.5-flash-lite offers no explicit caching (no explicit_cache_min_tokens); use --context-cache implicit, or a model that offers it (gemini-3.5-flash, gemini-3.8-flash, gemini-3.1-pro-preview, gemini-2.5-flash-lite).',
    );
    expect(() => resolveContextCache('explicit', 'gemini-9-ultra', GEMINI_PRICE_TABLE)).toThrow(
      /gemini-9-ultra is not in the price table/,
    );
  });

  it('should make no explicit cache in batch mode, and refuse one asked for there', () => {
    expect(resolveContextCache(undefined, 'gemini-3.5-flash', GEMINI_PRICE_TABLE, 'batch')).toEqual({
      mode: 'implicit',
      minTokens: undefined,
    });
    expect(() => resolveContextCache('explicit', 'gemini-3.5-flash', GEMINI_PRICE_TABLE, 'batch')).toThrow(
      /Gemini accepts no explicit cache in a batch request/,
    );
  });
});
