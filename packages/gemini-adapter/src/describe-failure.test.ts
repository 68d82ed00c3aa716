import { ApiError } from '@google/genai';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './describe-failure.js';

describe('describeFailure', () => {
  it('should retry a connection refused or dropped, before or after the headers', () => {
    for (const message of ['fetch failed', 'terminated']) {
      const error = Object.assign(new TypeError(message), { cause: { code: 'ECONNRESET' } });
      expect(describeFailure(error, 'key')).toMatchObject({
        reason: 'network',
        retryable: true,
        message: 'network error (ECONNRESET)',
      });
    }
  });

  it('should retry an upload the SDK reports as not finalized', () => {
    const failure = describeFailure(
      new Error('Failed to upload file: Upload status is not finalized.'),
      'key',
    );
    expect(failure.retryable).toBe(true);
  });

  it('should not retry an unknown failure, and keep the key out of its message', () => {
    const failure = describeFailure(new Error('broken with key-123'), 'key-123');
    expect(failure).toMatchObject({ reason: 'other', retryable: false });
    expect(failure.message).not.toContain('key-123');
  });

  it('should read the status and the service message of an API error', () => {
    const body = JSON.stringify({
      error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' },
    });
    const failure = describeFailure(new ApiError({ message: body, status: 503 }), 'key');
    expect(failure).toMatchObject({ reason: 'http', status: 503, retryable: true, refused: null });
    expect(failure.message).toBe('HTTP 503 UNAVAILABLE: The model is overloaded.');
  });

  it('should tell a model the service does not serve from a file it forgot, both 404', () => {
    const notFound = (message: string) =>
      new ApiError({
        message: JSON.stringify({ error: { code: 404, message, status: 'NOT_FOUND' } }),
        status: 404,
      });
    const model = describeFailure(
      notFound(
        'models/gemini-2.5-flash is not found for API version v1beta, or is not supported for generateContent.',
      ),
      'key',
    );
    expect(model).toMatchObject({ status: 404, retryable: false, refused: 'model' });
    expect(describeFailure(notFound('File files/abc123 is not found.'), 'key').refused).toBeNull();
  });
});
