import { writeFile } from 'node:fs/promises';
import { costOfCall, type ModelRequest, priceOf } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { GEMINI_PRICE_TABLE } from './prices/gemini-prices.js';
import { silentWav } from './quota/wav-bytes.js';
import { startTestRig, writeMediaFile } from './test-helpers.js';

/** A priming call: "Here" (1 token), two covers and a 3 s clip, which the emulator acknowledges. */
async function primingWithMedia(): Promise<ModelRequest> {
  const [first, second, clip] = await Promise.all([
    writeMediaFile('first.png'),
    writeMediaFile('second.png'),
    writeMediaFile('clip.wav'),
  ]);
  await writeFile(clip, silentWav(3));
  return {
    label: { agent: 'recsys', turn: 0, template: 'recsys-priming', attempt: 1 },
    messages: [
      {
        role: 'user',
        parts: [
          { kind: 'text', text: 'Here' },
          { kind: 'file', path: first, mimeType: 'image/png' },
          { kind: 'file', path: second, mimeType: 'image/png' },
          { kind: 'file', path: clip, mimeType: 'audio/wav' },
        ],
      },
    ],
  };
}

/** What the emulator billed for one call of `model` with these adapter options, and what it received. */
async function billedCall(model: string, options: Parameters<typeof startTestRig>[1] = {}) {
  const { emulator, model: adapter } = await startTestRig({}, { model, ...options });
  const result = await adapter.generate(await primingWithMedia());
  const parts = emulator.requests[0]?.body.contents[0]?.parts ?? [];
  return { usage: result.usage, parts };
}

const DECEMBER = new Date('2026-12-15');

describe('what the emulator bills for each lever, through the adapter', () => {
  it('should bill the covers at 280 tokens each at low resolution on Gemini 3, and at 1,120 at high', async () => {
    const low = await billedCall('gemini-3.5-flash-lite', { mediaResolution: 'low' });
    const high = await billedCall('gemini-3.5-flash-lite', { mediaResolution: 'high' });
    // The level goes on each image part, never on the audio part.
    expect(low.parts.map((part) => part.mediaResolution)).toEqual([
      undefined,
      { level: 'MEDIA_RESOLUTION_LOW' },
      { level: 'MEDIA_RESOLUTION_LOW' },
      undefined,
    ]);
    expect(high.parts[1]?.mediaResolution).toEqual({ level: 'MEDIA_RESOLUTION_HIGH' });
    // 2 covers x 280 = 560 tokens, against 2 x 1,120 = 2,240; the 3 s clip is 3 x 32 = 96 either way.
    expect(low.usage).toMatchObject({ image_input: 560, audio_input: 96, text_input: 1 });
    expect(high.usage).toMatchObject({ image_input: 2240, audio_input: 96, text_input: 1 });
    const rates = priceOf('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE, DECEMBER);
    if (rates === undefined) throw new Error('gemini-3.5-flash-lite must be priced');
    // (2,240 - 560) x $0.30 per 1M: $0.000504 more a call at high resolution.
    expect(costOfCall(high.usage, rates) - costOfCall(low.usage, rates)).toBeCloseTo(0.000504, 10);
  });

  it('should send no resolution to a Gemini 3 model when none is asked, and bill its default 1,120', async () => {
    const unset = await billedCall('gemini-3.5-flash-lite');
    expect(unset.parts.some((part) => part.mediaResolution !== undefined)).toBe(false);
    expect(unset.usage.image_input).toBe(2 * 1120);
  });

  it('should send no resolution to a 2.5 model, which bills every cover at 258', async () => {
    const gemini25 = await billedCall('gemini-2.5-flash-lite', { mediaResolution: 'low' });
    expect(gemini25.parts.some((part) => part.mediaResolution !== undefined)).toBe(false);
    // 2 covers x 258 = 516 tokens, whatever resolution was asked for.
    expect(gemini25.usage.image_input).toBe(516);
  });

  it("should bill the model's default thinking, or the whole thinking budget set, at the output price", async () => {
    const byDefault = await billedCall('gemini-3.5-flash-lite', { mediaResolution: 'low' });
    const off = await billedCall('gemini-3.5-flash-lite', { mediaResolution: 'low', thinkingBudget: 0 });
    const capped = await billedCall('gemini-3.5-flash-lite', {
      mediaResolution: 'low',
      thinkingBudget: 1000,
    });
    // The price table's default for gemini-3.5-flash-lite is 300 thinking tokens a call.
    expect([byDefault.usage.thinking, off.usage.thinking, capped.usage.thinking]).toEqual([300, 0, 1000]);
    const rates = priceOf('gemini-3.5-flash-lite', GEMINI_PRICE_TABLE, DECEMBER);
    if (rates === undefined) throw new Error('gemini-3.5-flash-lite must be priced');
    // 300 x $2.50 per 1M = $0.00075 a call saved by --thinking-budget 0.
    expect(costOfCall(byDefault.usage, rates) - costOfCall(off.usage, rates)).toBeCloseTo(0.00075, 10);
  });
});
