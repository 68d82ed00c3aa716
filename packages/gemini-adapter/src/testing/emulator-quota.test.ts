import { type ApiError, GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { testApiKey } from '../test-helpers.js';
import { latencyDrawer } from './emulated-latency.js';
import type { GeminiEmulator, GeminiEmulatorOptions } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Partial<GeminiEmulatorOptions>) {
  let time = 0;
  emulator = await startGeminiEmulator({ respond: () => ({ text: 'ok' }), now: () => time, ...options });
  const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
  /** Status of one call, and the error body when it failed. */
  const call = (text: string) =>
    client.models.generateContent({ model: 'gemini-3.5-flash-lite', contents: text }).then(
      () => ({ status: 200, message: '' }),
      (error: ApiError) => ({ status: error.status, message: error.message }),
    );
  return { emulator, call, advance: (milliseconds: number) => (time += milliseconds) };
}

describe('startGeminiEmulator quotas', () => {
  it('should refuse a request over the RPM with 429 RESOURCE_EXHAUSTED and when to retry', async () => {
    const { emulator, call, advance } = await start({ rpm: 2 });
    expect((await call('a')).status).toBe(200);
    advance(20_000);
    expect((await call('b')).status).toBe(200);
    advance(5_000);
    const refused = await call('c');
    expect(refused.status).toBe(429);
    expect(refused.message).toContain('RESOURCE_EXHAUSTED');
    // The first request leaves the minute 35 s from now.
    expect(refused.message).toContain('"retryDelay":"35.000s"');
    expect(refused.message).toContain('requests per minute (2)');
    expect(emulator.counters.quotaRejections).toEqual({ rpm: 1, tpm: 0 });
    expect(emulator.counters.faults.rateLimited).toBe(0);
    advance(35_000);
    expect((await call('d')).status).toBe(200);
    expect(emulator.counters.generateRequests).toBe(4);
    expect(emulator.requests.map((request) => request.receivedAt)).toEqual([0, 20_000, 25_000, 60_000]);
  });

  it('should count prompt tokens as the usage reports them and refuse what passes the TPM', async () => {
    const { emulator, call, advance } = await start({ tpm: 30 });
    // 80 characters are 20 tokens at 4 a token.
    const prompt = 'x'.repeat(80);
    expect((await call(prompt)).status).toBe(200);
    advance(15_000);
    const refused = await call(prompt);
    expect(refused.status).toBe(429);
    expect(refused.message).toContain('"retryDelay":"45.000s"');
    expect((await call('y'.repeat(40))).status).toBe(200);
    expect(emulator.counters.quotaRejections).toEqual({ rpm: 0, tpm: 1 });
  });

  it('should not count refused requests against the quota', async () => {
    const { call } = await start({ rpm: 1 });
    expect((await call('a')).status).toBe(200);
    expect((await call('b')).status).toBe(429);
    expect((await call('c')).status).toBe(429);
  });
});

describe('latencyDrawer', () => {
  it('should give a fixed latency, or a uniform spread around the mean', () => {
    expect(latencyDrawer(150, () => 0.9)()).toBe(150);
    expect(latencyDrawer(undefined, Math.random)()).toBe(0);
    const draws = [0, 0.5, 0.999];
    const spread = latencyDrawer({ meanMs: 300, jitterMs: 100 }, () => draws.shift() ?? 0);
    expect([spread(), spread(), spread()].map(Math.round)).toEqual([200, 300, 400]);
  });

  it('should reject a negative latency', () => {
    expect(() => latencyDrawer(-1, Math.random)).toThrow(RangeError);
    expect(() => latencyDrawer({ meanMs: 10, jitterMs: -5 }, Math.random)).toThrow(/jitterMs/);
  });
});
