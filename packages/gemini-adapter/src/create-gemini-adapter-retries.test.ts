import { ModelCallError, Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { rejectionOf, startTestRig, textRequest } from './test-helpers.js';
import { emulatedApiError } from './testing/emulated-api-error.js';
import { startGeminiEmulator } from './testing/start-gemini-emulator.js';

describe('createGeminiAdapter retries', () => {
  it('should wait the retryDelay a 429 asks for, plus jitter, then succeed', async () => {
    const { emulator, model, sleeps, retries } = await startTestRig({
      respond: (request) =>
        request.index === 0 ? emulatedApiError(429, { retryDelay: '17s' }) : { text: 'ok' },
    });
    const result = await model.generate(textRequest('hi'));
    expect(result.text).toBe('ok');
    expect(result.retries).toEqual([
      expect.objectContaining({
        operation: 'generate',
        attempt: 1,
        status: 429,
        reason: 'http',
        delayMs: 17_500,
      }),
    ]);
    expect(emulator.requests).toHaveLength(2);
    // 17 s asked, plus the jitter: random() = 0.5 of a tenth capped at 1 s.
    expect(sleeps).toEqual([17_500]);
    expect(retries).toEqual([
      expect.objectContaining({
        operation: 'generate',
        attempt: 1,
        status: 429,
        reason: 'http',
        delayMs: 17_500,
      }),
    ]);
  });

  it('should fail at once, with quota advice, when a 429 asks to wait for hours', async () => {
    const { emulator, model, sleeps } = await startTestRig({
      respond: () => emulatedApiError(429, { retryDelay: '86400s' }),
    });
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error).toMatchObject({ code: 'MODEL_API', status: 429, retryable: false });
    expect(error.message).toContain('the service asks to wait 86400 s');
    expect(error.message).toContain('a daily quota refills the next day');
    expect(emulator.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('should give up after maxAttempts 503s with a retryable ModelCallError and exponential backoff', async () => {
    const { emulator, model, sleeps } = await startTestRig(
      { respond: () => emulatedApiError(503, { message: 'The model is overloaded.' }) },
      { maxAttempts: 4 },
    );
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'MODEL_API', status: 503, retryable: true });
    expect(error.message).toContain('after 4 attempts');
    expect(error.message).toContain('The model is overloaded.');
    expect(emulator.requests).toHaveLength(4);
    // random() = 0.5: half of 1 s, 2 s, 4 s fixed plus a quarter of each as jitter.
    expect(sleeps).toEqual([750, 1500, 3000]);
  });

  it('should not retry a 400 and report it as not retryable', async () => {
    const { emulator, model, sleeps } = await startTestRig({
      respond: () => emulatedApiError(400, { message: 'Invalid JSON schema.' }),
    });
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error).toMatchObject({ code: 'MODEL_API', status: 400, retryable: false });
    expect(error.message).toContain('without retry');
    expect(emulator.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('should report a refused API key as MODEL_AUTH, without retry, naming GEMINI_API_KEY', async () => {
    const { emulator, model } = await startTestRig({
      respond: () => emulatedApiError(400, { message: 'API key not valid. Please pass a valid API key.' }),
    });
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'MODEL_AUTH', status: 400, retryable: false });
    expect(error.message).toContain('check GEMINI_API_KEY');
    expect(error.message).not.toContain('..');
    expect(emulator.requests).toHaveLength(1);
  });

  it('should retry a timed-out attempt, then fail with MODEL_TIMEOUT', async () => {
    const { emulator, model, retries } = await startTestRig(
      { respond: () => ({ hang: true }) },
      // Long enough for each attempt to reach the emulator on a loaded machine before it times out.
      { timeoutMs: 250, maxAttempts: 2 },
    );
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(Tp2dgError.isInstance(error) && error.code).toBe('MODEL_TIMEOUT');
    expect(ModelCallError.isInstance(error) && { status: error.status, retryable: error.retryable }).toEqual({
      status: null,
      retryable: true,
    });
    expect(emulator.requests).toHaveLength(2);
    expect(retries.map((event) => event.reason)).toEqual(['timeout']);
  });

  it('should use the request timeout over the model default', async () => {
    const { model } = await startTestRig(
      { respond: () => ({ hang: true }) },
      { timeoutMs: 60_000, maxAttempts: 1 },
    );
    const started = Date.now();
    const error = await rejectionOf(model.generate(textRequest('hi', { timeoutMs: 40 })));
    expect(error).toMatchObject({ code: 'MODEL_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('should retry network failures and report them with status null', async () => {
    const closed = await startGeminiEmulator({ respond: () => ({ text: '' }) });
    await closed.close();
    const { model, retries } = await startTestRig(
      { respond: () => ({ text: '' }) },
      { baseUrl: closed.baseUrl, maxAttempts: 3 },
    );
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(error).toMatchObject({ code: 'MODEL_API', status: null, retryable: true });
    // The model lookup meets the same dead service first, and leaves the failure to the call.
    expect(retries.map((event) => `${event.operation} ${event.reason}`)).toEqual([
      'lookup network',
      'lookup network',
      'generate network',
      'generate network',
    ]);
  });

  it('should stop at once with ABORTED when the caller aborts a hanging call', async () => {
    const controller = new AbortController();
    // Aborted once the call is in flight (the emulator has it), however long sending it took.
    const { emulator, model } = await startTestRig(
      {
        respond: () => {
          controller.abort();
          return { hang: true };
        },
      },
      { timeoutMs: 60_000 },
    );
    const error = await rejectionOf(model.generate(textRequest('hi', { signal: controller.signal })));
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(emulator.requests).toHaveLength(1);
  });

  it('should not send anything when the signal is already aborted', async () => {
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) });
    const error = await rejectionOf(model.generate(textRequest('hi', { signal: AbortSignal.abort() })));
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(emulator.requests).toHaveLength(0);
  });

  it('should abort during the wait between retries without another attempt', async () => {
    const controller = new AbortController();
    const { emulator, model } = await startTestRig(
      { respond: () => emulatedApiError(503) },
      { sleep: () => new Promise(() => controller.abort()) },
    );
    const error = await rejectionOf(model.generate(textRequest('hi', { signal: controller.signal })));
    expect(error).toMatchObject({ code: 'ABORTED' });
    expect(emulator.requests).toHaveLength(1);
  });
});
