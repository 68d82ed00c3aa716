import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATED_RATES, estimateSimulatedUsage } from './simulated-usage.js';

const request: ModelRequest = {
  label: { agent: 'recsys', turn: 0, template: 'recsys-priming', attempt: 1 },
  systemInstruction: 'abcd',
  messages: [
    {
      role: 'user',
      parts: [
        { kind: 'text', text: 'abcdefgh' },
        { kind: 'file', path: '/m/a.wav', mimeType: 'audio/wav' },
        { kind: 'file', path: '/m/a.png', mimeType: 'image/png' },
        { kind: 'file', path: '/m/b.wav', mimeType: 'audio/wav' },
      ],
    },
  ],
};

describe('estimateSimulatedUsage', () => {
  it('should bill 3 s clips and images at the neutral default rates, and text at 4 characters a token', () => {
    expect(DEFAULT_SIMULATED_RATES).toEqual({ audioPerSecond: 32, image: 258 });
    expect(estimateSimulatedUsage(request, 'a reply')).toMatchObject({
      text_input: 3,
      audio_input: 2 * 3 * 32,
      image_input: 258,
      output: 2,
      cached_text_input: 0,
    });
  });

  it("should bill at the caller's rates when given a model's own", () => {
    const usage = estimateSimulatedUsage(request, '', { audioPerSecond: 25, image: 1120 });
    expect(usage).toMatchObject({ audio_input: 150, image_input: 1120, output: 0 });
  });
});
