import {
  effectiveMediaResolution,
  imageTokensOf,
  thinkingBudgetOf,
  thinkingTokensPerCall,
} from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { modelFactsOf, UNLISTED_GEMINI_MODEL_FACTS } from './gemini-prices.js';

describe('model facts', () => {
  it('should count an image at the asked resolution on a Gemini 3 model, at its default otherwise', () => {
    const gemini3 = modelFactsOf('gemini-3.5-flash-lite');
    expect(imageTokensOf(gemini3, 'low')).toBe(280);
    expect(imageTokensOf(gemini3, 'medium')).toBe(560);
    expect(imageTokensOf(gemini3, 'high')).toBe(1120);
    expect(imageTokensOf(gemini3, undefined)).toBe(1120);
  });

  it('should count every image at 258 on a 2.5 model, which takes no resolution per part', () => {
    const gemini25 = modelFactsOf('models/gemini-2.5-flash-lite-001');
    expect(effectiveMediaResolution(gemini25, 'low')).toBe('medium');
    expect(imageTokensOf(gemini25, 'low')).toBe(258);
    expect(imageTokensOf(gemini25, 'high')).toBe(258);
  });

  it('should assume the most a current model bills for an unlisted one, and send it no resolution', () => {
    const unlisted = modelFactsOf('gemini-9-ultra');
    expect(unlisted).toBe(UNLISTED_GEMINI_MODEL_FACTS);
    expect(imageTokensOf(unlisted, 'low')).toBe(1120);
  });

  it('should count the whole thinking budget when one is set, the model default otherwise', () => {
    const facts = modelFactsOf('gemini-3.5-flash');
    expect(thinkingTokensPerCall(facts, undefined)).toBe(facts.thinking.default_tokens_per_call);
    expect(thinkingTokensPerCall(facts, 0)).toBe(0);
    expect(thinkingTokensPerCall(facts, 2048)).toBe(2048);
    expect(thinkingTokensPerCall(modelFactsOf('gemini-2.5-flash-lite'), undefined)).toBe(0);
  });

  it('should send the least budget the table gives, none where it gives none, and a number as it is', () => {
    expect(thinkingBudgetOf(modelFactsOf('gemini-2.5-flash'), 'least')).toBe(0);
    expect(thinkingBudgetOf(modelFactsOf('gemini-2.5-pro'), 'least')).toBe(128);
    // Google publishes no least budget for the Gemini 3 line: none is sent, the model thinks as it would.
    expect(thinkingBudgetOf(modelFactsOf('gemini-3.5-flash-lite'), 'least')).toBeUndefined();
    expect(thinkingBudgetOf(UNLISTED_GEMINI_MODEL_FACTS, 'least')).toBeUndefined();
    expect(thinkingBudgetOf(modelFactsOf('gemini-2.5-flash'), 'model')).toBeUndefined();
    expect(thinkingBudgetOf(modelFactsOf('gemini-2.5-flash'), 512)).toBe(512);
  });
});
