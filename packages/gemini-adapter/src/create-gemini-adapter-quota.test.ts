import { join } from 'node:path';
import { createSnippetMaker } from '@tp2dg/audio-snippets';
import { createFakeClock } from '@tp2dg/call-quota/testing';
import { describe, expect, it } from 'vitest';
import type { GeminiAdapterOptions } from './gemini-adapter-options.js';
import { silentWav } from './quota/wav-bytes.js';
import { startTestRig, temporaryFolder, textRequest, writeMediaFile } from './test-helpers.js';
import type { GeminiEmulatorOptions } from './testing/emulator-types.js';

/** An adapter and an emulator on one fake clock, which the adapter's sleeps move forward. */
function startOnFakeClock(
  emulatorOptions: GeminiEmulatorOptions,
  limits: Pick<GeminiAdapterOptions, 'rpm' | 'tpm' | 'audioSnippets' | 'mediaResolution'>,
) {
  const clock = createFakeClock(1_000_000);
  return startTestRig(
    {
      respond: () => ({ text: 'ok', usageMetadata: { promptTokenCount: 40 } }),
      now: clock.now,
      ...emulatorOptions,
    },
    { now: clock.now, sleep: (milliseconds) => clock.sleep(milliseconds), ...limits },
  ).then((rig) => ({ ...rig, clock }));
}

const tokens40 = () => textRequest('x'.repeat(160));

describe('createGeminiAdapter under rpm and tpm', () => {
  it('should spread calls over the minutes an RPM allows, with no 429', async () => {
    const { emulator, model, clock } = await startOnFakeClock({ rpm: 3 }, { rpm: 3 });
    const results = await Promise.all(Array.from({ length: 7 }, () => model.generate(textRequest('hi'))));
    expect(results.map((result) => result.retries)).toEqual(Array(7).fill([]));
    expect(emulator.counters.quotaRejections).toEqual({ rpm: 0, tpm: 0 });
    expect(emulator.counters.generateRequests).toBe(7);
    // 3, 3 and 1 calls in three minutes.
    expect(clock.now() - 1_000_000).toBeGreaterThanOrEqual(120_000);
    expect(model.quotaStatus()).toMatchObject({ inFlight: 0, queued: 0, rateLimited: 0 });
    expect(model.quotaStatus()?.waits).toBeGreaterThanOrEqual(4);
  });

  it('should get 429s from the same emulator without the limit, and cap the calls in flight on them', async () => {
    const { emulator, model } = await startOnFakeClock({ rpm: 3 }, {});
    await Promise.allSettled(Array.from({ length: 7 }, () => model.generate(textRequest('hi'))));
    expect(emulator.counters.quotaRejections.rpm).toBeGreaterThan(0);
    const status = model.quotaStatus();
    expect(status.rateLimited).toBe(emulator.counters.quotaRejections.rpm);
    // No cap before the first 429; one after it, never below 1.
    expect(Number.isFinite(status.concurrencyCap)).toBe(true);
    expect(status.concurrencyCap).toBeGreaterThanOrEqual(1);
    expect(status.inFlight).toBe(0);
  });

  it('should back off on 429s from a quota lower than it was told, and still finish every call', async () => {
    const { emulator, model } = await startOnFakeClock({ rpm: 3 }, { rpm: 6 });
    const results = await Promise.all(Array.from({ length: 6 }, () => model.generate(textRequest('hi'))));
    expect(results.map((result) => result.text)).toEqual(Array(6).fill('ok'));
    expect(emulator.counters.quotaRejections.rpm).toBeGreaterThan(0);
    const status = model.quotaStatus();
    expect(status?.rateLimited).toBe(emulator.counters.quotaRejections.rpm);
    // The 429s set a cap on calls in flight, never below 1.
    expect(status?.concurrencyCap).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(status?.concurrencyCap)).toBe(true);
    expect(status?.inFlight).toBe(0);
  });

  it('should pace input tokens under a TPM from the estimate, corrected by the usage returned', async () => {
    // The emulator's responder reports 40 prompt tokens for each 160-character prompt.
    const { emulator, model, clock } = await startOnFakeClock({ tpm: 100 }, { tpm: 100 });
    await Promise.all(Array.from({ length: 5 }, () => model.generate(tokens40())));
    expect(emulator.counters.quotaRejections).toEqual({ rpm: 0, tpm: 0 });
    // 97 usable tokens a minute: two 40-token calls per minute, so 5 calls take over 2 minutes.
    expect(clock.now() - 1_000_000).toBeGreaterThanOrEqual(120_000);
    expect(model.quotaStatus()?.estimateFactor).toBe(1);
  });

  it('should estimate audio from the file header, so long clips hold calls back', async () => {
    const clip = await writeMediaFile('clip.wav');
    const { writeFile } = await import('node:fs/promises');
    // 2 s is 64 tokens: with the 40-token text a call is 104; two do not fit in 150 a minute.
    await writeFile(clip, silentWav(2));
    const { model, emulator } = await startOnFakeClock({}, { tpm: 150 });
    const request = textRequest('x'.repeat(160));
    request.messages[0]?.parts.push({ kind: 'file', path: clip, mimeType: 'audio/wav' });
    await Promise.all([model.generate(request), model.generate(request)]);
    // The responder says 40; the estimate said 104: later estimates are scaled by 40/104.
    expect(model.quotaStatus()?.estimateFactor).toBeCloseTo(40 / 104, 5);
    expect(model.quotaStatus()?.waits).toBe(1);
    expect(emulator.uploads).toHaveLength(1);
  });

  it("should estimate a cover at the model's tokens for the media resolution it is sent", async () => {
    const cover = await writeMediaFile('cover.png');
    const request = textRequest('x'.repeat(160));
    request.messages[0]?.parts.push({ kind: 'file', path: cover, mimeType: 'image/png' });
    for (const [mediaResolution, coverTokens] of [
      ['low', 280],
      ['high', 1120],
    ] as const) {
      const { model } = await startOnFakeClock({}, { tpm: 100_000, mediaResolution });
      await model.generate(request);
      // The responder says 40; the estimate said 40 for the text and the cover's tokens on gemini-3.5-flash-lite.
      expect(model.quotaStatus()?.estimateFactor).toBeCloseTo(40 / (40 + coverTokens), 5);
    }
  });

  it("should estimate a snippet's seconds, not its clip's, when snippets are cut", async () => {
    const clip = await writeMediaFile('clip.wav');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(clip, silentWav(30));
    const audioSnippets = createSnippetMaker({
      settings: { seconds: 3, offset: 'start' },
      cacheDir: join(await temporaryFolder(), 'snippets'),
    });
    const { model } = await startOnFakeClock({}, { tpm: 10_000, audioSnippets });
    const request = textRequest('x'.repeat(160));
    request.messages[0]?.parts.push({ kind: 'file', path: clip, mimeType: 'audio/wav' });
    await model.generate(request);
    // The responder says 40; the estimate was 40 of text and 3 s x 32 = 96 of audio (not 960).
    expect(model.quotaStatus()?.estimateFactor).toBeCloseTo(40 / 136, 5);
  });

  it('should refuse a limit that is not a positive number', async () => {
    await expect(startOnFakeClock({}, { rpm: 0 })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(startOnFakeClock({}, { tpm: Number.NaN })).rejects.toThrow(/tpm must be a positive number/);
  });
});
