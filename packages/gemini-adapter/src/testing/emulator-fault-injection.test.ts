import { type ApiError, GoogleGenAI } from '@google/genai';
import { loadPromptFixtures, type PromptFixtures } from '@tp2dg/model-testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testApiKey, writeMediaFile } from '../test-helpers.js';
import type { FaultKind } from './emulator-faults.js';
import type { EmulatedGenerateBody, GeminiEmulator } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';
import { generateBodyOf } from './wire-fixtures.js';

let fixtures: PromptFixtures;
beforeAll(async () => {
  fixtures = await loadPromptFixtures();
});
const recsysTurnBody = (format: 'json' | 'yaml', recommended: readonly string[]) =>
  generateBodyOf(fixtures.recsysTurn(format, recommended));

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/**
 * An emulator where `kind` hits every applicable request, and an SDK client pointed at it. The
 * client gives up after `timeout` ms: short for a hang, long enough otherwise that a loaded
 * machine's slow answer is not taken for one.
 */
async function alwaysFaulty(kind: FaultKind, options: { fileProcessingPolls?: number } = {}) {
  emulator = await startGeminiEmulator({ ...options, faults: { rates: { [kind]: 1 }, random: () => 0 } });
  const httpOptions = { baseUrl: emulator.baseUrl, timeout: kind === 'hang' ? 300 : 10_000 };
  return { emulator, client: new GoogleGenAI({ apiKey: testApiKey, httpOptions }) };
}

function generate(client: GoogleGenAI, body: EmulatedGenerateBody) {
  const { contents, generationConfig, systemInstruction } = body;
  const config = {
    ...(systemInstruction === undefined ? {} : { systemInstruction: systemInstruction as never }),
    ...(generationConfig ?? {}),
  };
  return client.models.generateContent({
    model: 'gemini-3.5-flash-lite',
    contents: contents as never,
    config,
  });
}

const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: Error) => error);

describe('the emulator with injected faults, through the real SDK', () => {
  it('should answer rateLimited with 429 and a short RetryInfo, and unavailable with 503', async () => {
    const limited = await alwaysFaulty('rateLimited');
    const error = (await failureOf(generate(limited.client, recsysTurnBody('yaml', [])))) as ApiError;
    expect(error.status).toBe(429);
    expect(error.message).toContain('"retryDelay":"0.02s"');
    expect(limited.emulator.counters.faults.rateLimited).toBe(1);
    await limited.emulator.close();
    const unavailable = await alwaysFaulty('unavailable');
    const overloaded = (await failureOf(
      generate(unavailable.client, recsysTurnBody('yaml', [])),
    )) as ApiError;
    expect(overloaded.status).toBe(503);
  });

  it('should hang until the client gives up, and reset the connection of another request', async () => {
    const hanging = await alwaysFaulty('hang');
    const started = performance.now();
    expect(await failureOf(generate(hanging.client, recsysTurnBody('yaml', [])))).toBeInstanceOf(Error);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    expect(hanging.emulator.counters.faults.hang).toBe(1);
    await hanging.emulator.close();
    const resetting = await alwaysFaulty('reset');
    const reset = await failureOf(generate(resetting.client, recsysTurnBody('yaml', [])));
    // Undici's word for a dropped connection, which clients must treat as retryable.
    expect(reset).toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(resetting.emulator.counters).toMatchObject({ generateRequests: 1, faults: { reset: 1 } });
  });

  it('should block a reply with finishReason SAFETY and no content', async () => {
    const { client } = await alwaysFaulty('blocked');
    const response = await generate(client, recsysTurnBody('json', []));
    expect(response.candidates?.[0]?.finishReason).toBe('SAFETY');
    expect(response.candidates?.[0]?.content).toBeUndefined();
  });

  it('should reply with prose that is neither JSON nor has key lines, but only when keys are asked', async () => {
    const { emulator, client } = await alwaysFaulty('malformed');
    const text = (await generate(client, recsysTurnBody('json', []))).text ?? '';
    expect(() => JSON.parse(text)).toThrow();
    expect(text).not.toMatch(/^\s*\w+\s*:/m);
    const priming = await generate(client, { contents: [{ role: 'user', parts: [{ text: 'Hi there.' }] }] });
    expect(priming.text).toBe('Got it, I have the tracks.');
    expect(emulator.counters.faults.malformed).toBe(1);
  });

  it('should name an id outside the pool, then a repeat, in the requested format', async () => {
    const { emulator, client } = await alwaysFaulty('wrongTrackId');
    const invented = (await generate(client, recsysTurnBody('yaml', ['t005']))).text ?? '';
    expect(invented).toContain('track_id: "not-in-pool-1"');
    const repeat = JSON.parse((await generate(client, recsysTurnBody('json', ['t005']))).text ?? '');
    expect(repeat.track_id).toBe('t005');
    // Not a Recsys turn: no wrong id to give, so the cooperative answer goes out.
    await generate(client, { contents: [{ role: 'user', parts: [{ text: 'Hi there.' }] }] });
    expect(emulator.counters.faults.wrongTrackId).toBe(2);
  });

  it('should keep an upload PROCESSING for three polls when stuckProcessing hits', async () => {
    const { emulator, client } = await alwaysFaulty('stuckProcessing');
    const path = await writeMediaFile('clip.wav');
    const file = await client.files.upload({ file: path, config: { mimeType: 'audio/wav' } });
    const states = [file.state];
    for (let poll = 0; poll < 4; poll += 1)
      states.push((await client.files.get({ name: file.name ?? '' })).state);
    expect(states).toEqual(['PROCESSING', 'PROCESSING', 'PROCESSING', 'PROCESSING', 'ACTIVE']);
    expect(emulator.counters).toMatchObject({ fileGets: 4, faults: { stuckProcessing: 1 } });
  });

  it('should expire a referenced file once: 403 "may not exist", then the file is gone', async () => {
    const { emulator, client } = await alwaysFaulty('expiredFile');
    const path = await writeMediaFile('clip.wav');
    const file = await client.files.upload({ file: path, config: { mimeType: 'audio/wav' } });
    const body = {
      contents: [{ role: 'user', parts: [{ fileData: { fileUri: file.uri, mimeType: 'audio/wav' } }] }],
    };
    const error = (await failureOf(generate(client, body))) as ApiError;
    expect(error.status).toBe(403);
    expect(error.message).toContain('may not exist');
    expect(((await failureOf(client.files.get({ name: file.name ?? '' }))) as ApiError).status).toBe(404);
    // Nothing left to expire: the next use gets the plain 403 of a forgotten file, not a new fault.
    expect(((await failureOf(generate(client, body))) as ApiError).status).toBe(403);
    expect(emulator.counters.faults.expiredFile).toBe(1);
  });

  it('should fail an upload start with 503 when failedUpload hits', async () => {
    const { emulator, client } = await alwaysFaulty('failedUpload');
    const path = await writeMediaFile('clip.wav');
    const error = await failureOf(client.files.upload({ file: path, config: { mimeType: 'audio/wav' } }));
    expect(error).toBeInstanceOf(Error);
    expect(emulator.counters).toMatchObject({ uploadStarts: 1, uploads: 0, faults: { failedUpload: 1 } });
  });
});
