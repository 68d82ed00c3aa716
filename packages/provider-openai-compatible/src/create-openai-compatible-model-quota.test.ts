import { createCallQuota } from '@tp2dg/call-quota';
import { createFakeClock } from '@tp2dg/call-quota/testing';
import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createOpenAiCompatibleModel } from './create-openai-compatible-model.js';

const request: ModelRequest = {
  label: { agent: 'listener', turn: 1, template: 'listener-turn', attempt: 1 },
  messages: [{ role: 'user', parts: [{ kind: 'text', text: 'hello' }] }],
};

const completion = (promptTokens: number) =>
  new Response(
    JSON.stringify({
      choices: [{ message: { content: 'hi' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: 1 },
    }),
    { status: 200 },
  );

/** A server whose answers the test sends when it chooses; each call records the clock's time. */
function heldServer(now: () => number) {
  const calls: { at: number; answer: (response: Response) => void }[] = [];
  const fetch = (() =>
    new Promise<Response>((answer) =>
      calls.push({ at: now(), answer }),
    )) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

/** Lets every admission and post that can happen now happen. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('createOpenAiCompatibleModel under a quota', () => {
  it('should space its calls by the RPM on the quota clock, and correct the TPM estimate from prompt_tokens', async () => {
    const clock = createFakeClock();
    const quota = createCallQuota({ rpm: 60, tpm: 100_000, now: clock.now, sleep: clock.sleep });
    const server = heldServer(clock.now);
    const model = createOpenAiCompatibleModel({
      model: 'm',
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: server.fetch,
      quota,
    });
    const answers = Promise.all(Array.from({ length: 4 }, () => model.generate(request)));
    while (server.calls.length < 4) await settle();
    // One a second at 60 a minute, the first second's two together: never all four at once.
    expect(server.calls.map((call) => call.at)).toEqual([0, 0, 1000, 2000]);
    // "hello" is estimated at 2 tokens; the server counted 7 (its chat template's tokens).
    for (const call of server.calls) call.answer(completion(7));
    await answers;
    expect(quota.status()).toMatchObject({ inFlight: 0, estimateFactor: 3.5 });
  });

  it('should halve the calls in flight on a 429, and send the throttled call again after its Retry-After', async () => {
    const clock = createFakeClock();
    const quota = createCallQuota({ now: clock.now, sleep: clock.sleep });
    const server = heldServer(clock.now);
    const waits: number[] = [];
    const model = createOpenAiCompatibleModel({
      model: 'm',
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: server.fetch,
      quota,
      random: () => 0,
      sleep: async (milliseconds) => {
        waits.push(milliseconds);
      },
    });
    const answers = Promise.all(Array.from({ length: 4 }, () => model.generate(request)));
    while (server.calls.length < 4) await settle();
    expect(quota.status()).toMatchObject({ inFlight: 4, concurrencyCap: Number.POSITIVE_INFINITY });
    server.calls[0]?.answer(new Response('{"error": {}}', { status: 429, headers: { 'retry-after': '2' } }));
    while (waits.length < 1) await settle();
    expect(waits).toEqual([2000]);
    // Four in flight when the 429 came: the cap is two, so the retry waits until one call is left.
    expect(quota.status()).toMatchObject({ concurrencyCap: 2, inFlight: 3, rateLimited: 1 });
    server.calls[1]?.answer(completion(7));
    for (let round = 0; round < 5; round += 1) await settle();
    expect(server.calls).toHaveLength(4);
    expect(quota.status()).toMatchObject({ inFlight: 2, queued: 1 });
    server.calls[2]?.answer(completion(7));
    while (server.calls.length < 5) await settle();
    server.calls[3]?.answer(completion(7));
    server.calls[4]?.answer(completion(7));
    const results = await answers;
    expect(results[0]?.retries?.map((retry) => retry.status)).toEqual([429]);
    expect(quota.status()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});
