import { describe, expect, it } from 'vitest';
import { estimateInputTokens } from './estimate-input-tokens.js';

const seconds: Record<string, number> = { '/m/a.wav': 3, '/m/b.mp3': 30.5 };
const audioSeconds = async (path: string) => seconds[path] ?? Number.NaN;

describe('estimateInputTokens', () => {
  it('should count text at 4 characters a token, the system instruction included', async () => {
    const tokens = await estimateInputTokens(
      {
        systemInstruction: 'abcd',
        messages: [{ role: 'user', parts: [{ kind: 'text', text: 'abcdefghi' }] }],
      },
      audioSeconds,
    );
    // Each entry (system instruction, message) is rounded up on its own.
    expect(tokens).toBe(Math.ceil(4 / 4) + Math.ceil(9 / 4));
  });

  it('should count 32 tokens a second of audio and 258 per image, over the whole history', async () => {
    const tokens = await estimateInputTokens(
      {
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
      },
      audioSeconds,
    );
    expect(tokens).toBe(1 + Math.ceil(33.5 * 32) + 258);
  });
});
