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

  it('should serve a chat from its explicit cache, whose first call pays its creation and storage', async () => {
    // The cache: the system instruction (1,000 tokens), "hello" (2) and the 10 s clip (320);
    // the cover, the first message's last part, is sent with every call.
    const estimate = createUsageEstimator({
      ...options,
      explicitCache: { minTokens: 1000, ttlSeconds: 420 },
    });
    const first = await estimate(request('hello'), 'a'.repeat(40));
    expect(first).toMatchObject({
      cached_text_input: 1002,
      cached_audio_input: 320,
      cached_image_input: 0,
      // The cache made, and the cover sent.
      cache_creation_text_input: 1002,
      cache_creation_audio_input: 320,
      text_input: 0,
      audio_input: 0,
      image_input: 1120,
      cache_storage_token_seconds: (1002 + 320) * 420,
    });
    const second = await estimate(request('hello', 'a'.repeat(40), 'next'), 'ok');
    // The cover after the cache was sent after it before: the implicit cache serves it.
    expect(second).toMatchObject({
      cached_text_input: 1002,
      cached_audio_input: 320,
      cached_image_input: 1120,
      text_input: 10 + 1,
      audio_input: 0,
      image_input: 0,
      cache_creation_text_input: 0,
      cache_storage_token_seconds: 0,
    });
  });

  it('should count a prefix under the minimum, or a one-shot call, as the implicit cache would', async () => {
    const explicitCache = { minTokens: 1323, ttlSeconds: 420 };
    const under = createUsageEstimator({ ...options, explicitCache });
    await under(request('hello'), 'reply');
    const next = await under(request('hello', 'reply', 'next'), 'ok');
    expect(next).toMatchObject({
      cached_text_input: 1002,
      cached_image_input: 1120,
      cache_storage_token_seconds: 0,
    });
    const oneShot = {
      ...request('hello'),
      label: { agent: 'profile' as const, turn: null, template: 'profile', attempt: 1 },
    };
    expect((await createUsageEstimator({ ...options, explicitCache })(oneShot, 'ok')).cached_text_input).toBe(
      0,
    );
  });
});
