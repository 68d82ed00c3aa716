import { ModelCallError, type ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { rejectionOf, startTestRig, textRequest, writeMediaFile } from './test-helpers.js';
import { emulatedApiError } from './testing/emulated-api-error.js';

function withCover(path: string): ModelRequest {
  return {
    label: { agent: 'recsys', turn: 0, template: 'recsys-priming', attempt: 1 },
    messages: [{ role: 'user', parts: [{ kind: 'file', path, mimeType: 'image/png' }] }],
  };
}

describe('createGeminiAdapter and the model it is given', () => {
  it('should look the model up once, before any upload, and go on when it is served', async () => {
    const cover = await writeMediaFile('cover.png');
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) });
    await Promise.all([model.generate(withCover(cover)), model.generate(withCover(cover))]);
    await model.generate(textRequest('again'));
    expect(emulator.counters).toMatchObject({ modelLookups: 1, uploads: 1, generateRequests: 3 });
  });

  it('should stop with MODEL_NOT_FOUND before any upload when the service does not serve the model', async () => {
    const cover = await writeMediaFile('cover.png');
    // The service has retired gemini-3.5-flash-lite, say: it serves only another model.
    const { emulator, model } = await startTestRig({ models: ['gemini-3.8-flash'] });
    const failures = await Promise.all([
      rejectionOf(model.generate(withCover(cover))),
      rejectionOf(model.generate(withCover(cover))),
    ]);
    for (const error of failures) {
      expect(ModelCallError.isInstance(error) && error.code).toBe('MODEL_NOT_FOUND');
      expect(error).toMatchObject({ status: 404, retryable: false });
      expect(error.message).toMatch(
        /^Gemini models\.get \(gemini-3\.5-flash-lite\) failed without retry: HTTP 404 NOT_FOUND: models\/gemini-3\.5-flash-lite is not found.*The service does not serve this model/,
      );
    }
    // One lookup for both calls, and nothing uploaded or asked.
    expect(emulator.counters).toMatchObject({ modelLookups: 1, uploadStarts: 0, generateRequests: 0 });
  });

  it('should stop with MODEL_NOT_FOUND when generateContent itself answers that the model is not found', async () => {
    const message =
      'models/gemini-3.5-flash-lite is not found for API version v1beta, or is not supported for generateContent.';
    const { emulator, model } = await startTestRig({ respond: () => emulatedApiError(404, { message }) });
    const error = await rejectionOf(model.generate(textRequest('hi')));
    expect(ModelCallError.isInstance(error) && error.code).toBe('MODEL_NOT_FOUND');
    expect(emulator.requests).toHaveLength(1);
  });

  it('should leave any other lookup failure to the calls, after its own retries', async () => {
    const { emulator, model, retries } = await startTestRig({
      respond: () => ({ text: 'ok' }),
      respondToModelLookup: () => emulatedApiError(503),
    });
    expect((await model.generate(textRequest('hi'))).text).toBe('ok');
    await model.generate(textRequest('again'));
    // 5 attempts of the one lookup, then the calls went ahead.
    expect(emulator.counters).toMatchObject({ modelLookups: 5, generateRequests: 2 });
    expect(retries.map((retry) => `${retry.operation} ${retry.status}`)).toEqual(Array(4).fill('lookup 503'));
  });
});
