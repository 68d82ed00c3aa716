import { redactSecret } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { rejectionOf, startTestRig, testApiKey, textRequest } from './test-helpers.js';
import { emulatedApiError } from './testing/emulated-api-error.js';

/** Everything a log line or a crash report could show of an error. */
function everythingShown(error: Error & Record<string, unknown>): string {
  const cause =
    error.cause instanceof Error ? `${error.cause.message}\n${error.cause.stack}` : String(error.cause);
  return [error.message, error.stack, cause, JSON.stringify(error)].join('\n');
}

describe('API key redaction', () => {
  it('should remove the key, also URL-encoded, from any text', () => {
    const text = `key=${encodeURIComponent('a/b+c')} and a/b+c`;
    expect(redactSecret(text, 'a/b+c')).toBe('key=[redacted API key] and [redacted API key]');
  });

  it('should keep the key out of a non-retryable error even when the service echoes it', async () => {
    const { model } = await startTestRig({
      respond: () =>
        emulatedApiError(400, { message: `API key ${testApiKey} not valid. Please pass a valid API key.` }),
    });
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error.message).toContain('[redacted API key]');
    expect(everythingShown(error)).not.toContain(testApiKey);
  });

  it('should keep the key out of exhausted-retry errors and retry events', async () => {
    const { model, retries } = await startTestRig(
      { respond: () => emulatedApiError(503, { message: `overloaded for ${testApiKey}` }) },
      { maxAttempts: 2 },
    );
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error).toMatchObject({ status: 503 });
    expect(everythingShown(error)).not.toContain(testApiKey);
    expect(retries).toHaveLength(1);
    expect(JSON.stringify(retries)).not.toContain(testApiKey);
  });

  it('should keep the key out of timeout errors', async () => {
    const { model } = await startTestRig(
      { respond: () => ({ hang: true }) },
      { timeoutMs: 30, maxAttempts: 1 },
    );
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT' });
    expect(everythingShown(error)).not.toContain(testApiKey);
  });
});
