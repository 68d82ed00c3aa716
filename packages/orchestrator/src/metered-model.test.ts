import { type ModelPort, ZERO_USAGE } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { meteredModel } from './metered-model.js';

const backend: ModelPort = {
  provider: 'test',
  model: 'test-model',
  generate: async () => ({
    text: 'ok',
    usage: { ...ZERO_USAGE, text_input: 10, output: 2 },
    finishReason: 'stop',
  }),
};
const request = {
  label: { agent: 'profile' as const, turn: null, template: 'profile', attempt: 1 },
  messages: [],
};

describe('meteredModel', () => {
  it('should count each answered call and its usage, and tell of each as it comes', async () => {
    const told: number[] = [];
    const model = meteredModel(backend, (usage) => told.push(usage.text_input));
    await model.generate(request);
    await model.generate(request);
    expect({ calls: model.calls, input: model.usage.text_input, output: model.usage.output }).toEqual({
      calls: 2,
      input: 20,
      output: 4,
    });
    expect(told).toEqual([10, 10]);
  });

  it('should count nothing for a call that failed', async () => {
    const failing = meteredModel({ ...backend, generate: () => Promise.reject(new Error('HTTP 503')) });
    await expect(failing.generate(request)).rejects.toThrow('503');
    expect(failing.calls).toBe(0);
  });
});
