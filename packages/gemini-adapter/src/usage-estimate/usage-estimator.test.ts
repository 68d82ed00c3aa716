import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { MediaDurations } from '../quota/media-durations.js';
import { createUsageEstimator } from './usage-estimator.js';

const durations = new MediaDurations(async () => 10);
/** gemini-3.5-flash-lite at high media resolution, thinking 250 tokens a call. */
const options = { durations, media: { image: 1120, audioPerSecond: 32 }, thinkingTokensPerCall: 250 };
const system = 'x'.repeat(4000);

const request = (...texts: string[]): ModelRequest => ({
  label: { agent: 'recsys', turn: 1, template: 'recsys-turn', attempt: 1 },
  systemInstruction: system,
  messages: texts.map((text, index) => ({
    role: index % 2 === 0 ? 'user' : 'model',
    parts: [
      { kind: 'text', text },
      ...(index === 0
        ? [
            { kind: 'file' as const, path: '/a.mp3', mimeType: 'audio/mpeg' },
            { kind: 'file' as const, path: '/cover.png', mimeType: 'image/png' },
          ]
        : []),
    ],
  })),
});

describe('createUsageEstimator', () => {
  it('should bill a first call in full, then serve the re-sent history from the implicit cache', async () => {
    const estimate = createUsageEstimator(options);
    const first = await estimate(request('hello'), 'a'.repeat(40));
    // 10 s of audio at 32 a second, one cover at 1,120, and the thinking of every call.
    expect(first).toMatchObject({
      text_input: 1000 + 2,
      audio_input: 320,
      image_input: 1120,
      cached_text_input: 0,
      output: 10,
      thinking: 250,
    });
    const second = await estimate(request('hello', 'a'.repeat(40), 'next'), 'ok');
    expect(second).toMatchObject({
      cached_text_input: 1002,
      cached_audio_input: 320,
      cached_image_input: 1120,
      text_input: 10 + 1,
      audio_input: 0,
      image_input: 0,
    });
    expect(second.thinking).toBe(250);
  });

  it('should keep each conversation its own cache', async () => {
    await createUsageEstimator(options)(request('hello'), 'reply');
    const other = await createUsageEstimator(options)(request('hello', 'reply', 'next'), 'ok');
    expect(other.cached_text_input).toBe(0);
  });
});
