import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { estimateInputTokens } from './estimate-input-tokens.js';

const seconds: Record<string, number> = { '/m/a.wav': 3, '/m/b.mp3': 30.5 };
const audioSeconds = async (path: string) => seconds[path] ?? Number.NaN;
/** A model that counts an image as 280 tokens at a low media resolution. */
const lowResolution = { image: 280, audioPerSecond: 32 };

describe('estimateInputTokens', () => {
  it('should count text at 4 characters a token, the system instruction included', async () => {
    const tokens = await estimateInputTokens(
      {
        systemInstruction: 'abcd',
        messages: [{ role: 'user', parts: [{ kind: 'text', text: 'abcdefghi' }] }],
      },
      audioSeconds,
      lowResolution,
    );
    // Each entry (system instruction, message) is rounded up on its own.
    expect(tokens).toBe(Math.ceil(4 / 4) + Math.ceil(9 / 4));
  });

  it("should count audio by the second and each image at the model's figure, over the whole history", async () => {
    const request: Pick<ModelRequest, 'messages'> = {
      messages: [
        {
          role: 'user',
          parts: [
            { kind: 'file', path: '/m/a.wav', mimeType: 'audio/wav' },
            { kind: 'file', path: '/m/cover.png', mimeType: 'image/png' },
          ],
        },
        { role: 'model', parts: [{ kind: 'text', text: 'okay' }] },
        { role: 'user', parts: [{ kind: 'file', path: '/m/b.mp3', mimeType: 'audio/mpeg' }] },
      ],
    };
    // "okay" is 1 token; 3 s + 30.5 s of audio at 32 a second.
    expect(await estimateInputTokens(request, audioSeconds, lowResolution)).toBe(
      1 + Math.ceil(33.5 * 32) + 280,
    );
    const otherModel = { image: 258, audioPerSecond: 32 };
    expect(await estimateInputTokens(request, audioSeconds, otherModel)).toBe(1 + Math.ceil(33.5 * 32) + 258);
  });
});
