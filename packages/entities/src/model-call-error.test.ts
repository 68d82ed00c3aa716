import { describe, expect, it } from 'vitest';
import { Tp2dgError } from './errors.js';
import { ModelCallError } from './model-call-error.js';

describe('ModelCallError', () => {
  it('should be a Tp2dgError with its status, retryability and body, the key removed from both texts', () => {
    const error = new ModelCallError('POST https://api.test/?key=sk-secret failed: HTTP 429', {
      code: 'MODEL_API',
      status: 429,
      retryable: true,
      body: `{"error": "quota of sk-secret exceeded"}${' '.repeat(5000)}`,
      apiKey: 'sk-secret',
    });
    expect(Tp2dgError.isInstance(error) && error.code).toBe('MODEL_API');
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect([error.status, error.retryable]).toEqual([429, true]);
    expect(error.message).toBe('POST https://api.test/?key=[redacted API key] failed: HTTP 429');
    expect(error.body?.startsWith('{"error": "quota of [redacted API key] exceeded"}')).toBe(true);
    expect(error.body?.length).toBe(2000);
  });

  it('should not take another Tp2dgError for one', () => {
    expect(ModelCallError.isInstance(new Tp2dgError('MODEL_API', 'simulated'))).toBe(false);
  });
});
