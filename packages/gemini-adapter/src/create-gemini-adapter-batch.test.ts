import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createFakeClock } from '@tp2dg/call-quota/testing';
import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import type { GeminiBatchEvent, GeminiBatchOptions } from './batch/batch-options.js';
import type { GeminiAdapterOptions } from './gemini-adapter-options.js';
import { rejectionOf, startTestRig, temporaryFolder, textRequest, writeMediaFile } from './test-helpers.js';
import { createCooperativeResponder } from './testing/cooperative-responder.js';
import { emulatedApiError } from './testing/emulated-api-error.js';
import type {
  EmulatedGenerateRequest,
  EmulatedReply,
  GeminiEmulatorOptions,
} from './testing/emulator-types.js';
import { userTextsLatestFirst } from './testing/wire-request.js';

/** Answers each request with its latest user text, so a test sees which answer went to which call. */
function echo(request: EmulatedGenerateRequest): EmulatedReply {
  return { text: `echo: ${userTextsLatestFirst(request.body)[0]}`, usageMetadata: { promptTokenCount: 1 } };
}

/**
 * An emulator and a batch-mode adapter on one fake clock: the adapter's waits (a round settling,
 * the time between polls) move it, and the emulator's jobs run by it, so no test waits.
 */
async function batchRig(
  emulatorOptions: GeminiEmulatorOptions = {},
  batch: GeminiBatchOptions = {},
  modelOptions: Partial<GeminiAdapterOptions> = {},
) {
  const clock = createFakeClock();
  const events: GeminiBatchEvent[] = [];
  const rig = await startTestRig(
    { respond: echo, now: clock.now, ...emulatorOptions },
    {
      now: clock.now,
      sleep: (milliseconds) => clock.sleep(milliseconds),
      batch: { settleMs: 1000, pollIntervalMs: 1000, onEvent: (event) => events.push(event), ...batch },
      ...modelOptions,
    },
  );
  return { ...rig, clock, events };
}

const texts = (requests: readonly EmulatedGenerateRequest[]) =>
  requests.map((request) => userTextsLatestFirst(request.body)[0]);

describe('createGeminiAdapter in batch mode', () => {
  it('should send the calls of a round as one inline job and give each its own answer, round after round', async () => {
    const { emulator, model, events } = await batchRig();
    const first = await Promise.all(['a', 'b', 'c'].map((text) => model.generate(textRequest(text))));
    // The emulator lists inline answers in reverse order: they are matched by key, never by position.
    expect(first.map((result) => result.text)).toEqual(['echo: a', 'echo: b', 'echo: c']);
    expect(first.every((result) => result.serviceTier === 'batch')).toBe(true);
    const next = await model.generate(textRequest('d'));
    expect(next.text).toBe('echo: d');
    expect(emulator.batches.map((job) => [job.input, job.requests.length])).toEqual([
      ['inline', 3],
      ['inline', 1],
    ]);
    expect(emulator.counters.generateRequests).toBe(0);
    expect(events.map((event) => event.stage)).toEqual(['submitted', 'ended', 'submitted', 'ended']);
    // The wire request is what generateContent would get, without a service tier.
    expect(emulator.requests[0]?.body.serviceTier).toBeUndefined();
  });

  it('should send a round heavier than the inline limit as an uploaded JSON-lines file', async () => {
    const { emulator, model } = await batchRig({}, { inlineLimitBytes: 100 });
    const results = await Promise.all(['x'.repeat(80), 'y'].map((text) => model.generate(textRequest(text))));
    expect(results.map((result) => result.text)).toEqual([`echo: ${'x'.repeat(80)}`, 'echo: y']);
    expect(emulator.batches[0]?.input).toBe('file');
    expect(emulator.uploads[0]?.mimeType).toBe('application/jsonl');
    expect(emulator.counters.resultDownloads).toBe(1);
    expect(emulator.batches[0]?.requests.every((request) => /^[0-9a-f]{64}$/.test(request.key ?? ''))).toBe(
      true,
    );
  });

  it('should send a request again in the next round after a retryable error in its result, and fail at once on another', async () => {
    let overloaded = 1;
    const { emulator, model } = await batchRig({
      respond: (request) => {
        const text = userTextsLatestFirst(request.body)[0];
        if (text === 'busy' && overloaded-- > 0) return emulatedApiError(503);
        if (text === 'bad')
          return emulatedApiError(400, { message: 'Request contains an invalid argument.' });
        return echo(request);
      },
    });
    const [busy, calm] = await Promise.all([
      model.generate(textRequest('busy')),
      model.generate(textRequest('calm')),
    ]);
    expect([busy.text, calm.text]).toEqual(['echo: busy', 'echo: calm']);
    // The 503 came back as google.rpc.Status 14 and was read as the 503 it is.
    expect(busy.retries).toEqual([
      expect.objectContaining({ operation: 'generate', attempt: 1, status: 503, reason: 'http', delayMs: 0 }),
    ]);
    expect(emulator.batches.map((job) => job.requests.length)).toEqual([2, 1]);
    const bad = await rejectionOf(model.generate(textRequest('bad')));
    expect(bad).toMatchObject({ code: 'MODEL_API', status: 400, retryable: false });
    expect(bad.message).toMatch(
      /failed without retry: HTTP 400 INVALID_ARGUMENT: Request contains an invalid argument/,
    );
    expect(emulator.batches).toHaveLength(3);
  });

  it('should give up on a request after its attempts, one a round', async () => {
    const { emulator, model } = await batchRig(
      { respond: () => emulatedApiError(503) },
      {},
      { maxAttempts: 3 },
    );
    const error = await rejectionOf(model.generate(textRequest('never')));
    expect(error.message).toMatch(/after 3 attempts: HTTP 503/);
    expect(emulator.batches).toHaveLength(3);
  });

  it('should submit again only the calls a failed or expired job left unanswered', async () => {
    const { emulator, model, events } = await batchRig({
      batch: { outcome: (job) => (job.index === 0 ? { state: 'EXPIRED', answered: 1 } : undefined) },
    });
    const results = await Promise.all(
      ['one', 'two', 'three'].map((text) => model.generate(textRequest(text))),
    );
    expect(results.map((result) => result.text)).toEqual(['echo: one', 'echo: two', 'echo: three']);
    expect(texts(emulator.requests)).toEqual(['one', 'two', 'three']);
    expect(emulator.batches.map((job) => job.requests.length)).toEqual([3, 2]);
    expect(results[0]?.retries).toEqual([]);
    expect(results[1]?.retries).toEqual([
      expect.objectContaining({
        reason: 'batch',
        status: null,
        message: expect.stringMatching(
          /batch job batches\/emulated0 ended JOB_STATE_EXPIRED without its answer/,
        ),
      }),
    ]);
    expect(events[1]).toMatchObject({
      stage: 'ended',
      state: 'JOB_STATE_EXPIRED',
      answered: 1,
      unanswered: 2,
    });
  });

  it('should poll a running job at intervals growing by half up to the cap', async () => {
    const { model, clock } = await batchRig({ batch: { runningMs: 10_000 } }, { maxPollIntervalMs: 3000 });
    const result = await model.generate(textRequest('slow'));
    expect(result.text).toBe('echo: slow');
    // The round settles for 1 s, then polls after 1, 1.5, 2.25, 3, 3 s: the job ends at 10 s.
    expect(clock.sleeps).toEqual([1000, 1000, 1500, 2250, 3000, 3000]);
  });

  it('should bill a batch call at half its list price, but what the implicit cache served at the cached price', async () => {
    const responder = createCooperativeResponder();
    const { emulator, model } = await batchRig({ respond: responder.respond });
    const system = 'x'.repeat(8000);
    const opening: ModelRequest = { ...textRequest('Here is the pool.'), systemInstruction: system };
    const first = await model.generate(opening);
    const second = await model.generate({
      ...opening,
      messages: [
        ...opening.messages,
        { role: 'model', parts: [{ kind: 'text', text: first.text }] },
        { role: 'user', parts: [{ kind: 'text', text: 'And now?' }] },
      ],
    });
    // The second call re-sends the system instruction (2,000 tokens) and the first message:
    // the implicit cache serves them, at the cached price, batch or not.
    expect(second.usage.cached_text_input).toBeGreaterThanOrEqual(2000);
    const [, bill] = emulator.bills;
    const { text_input, cached_text_input, output, thinking } = second.usage;
    // gemini-3.5-flash-lite: input $0.30, cached $0.03, output $2.50 per 1M; batch halves all but the cached.
    const expected =
      ((text_input * 0.3 + (output + thinking) * 2.5) * 0.5 + cached_text_input * 0.03) / 1_000_000;
    expect(bill).toMatchObject({ serviceTier: 'batch' });
    expect(bill?.usd).toBeCloseTo(expected, 12);
  });

  it('should wait on a job an earlier run submitted instead of submitting its calls again', async () => {
    const ledger = join(await temporaryFolder(), 'gemini-batches.jsonl');
    const rig = await batchRig({ batch: { runningMs: 60_000 } }, { ledger });
    const stop = new AbortController();
    const killed = rejectionOf(rig.model.generate(textRequest('kept', { signal: stop.signal })));
    while (rig.emulator.counters.batchGets === 0) await rig.clock.sleep(0);
    stop.abort();
    expect(await killed).toMatchObject({ code: 'ABORTED' });
    expect(rig.emulator.batches).toHaveLength(1);
    // Nobody waits on the job any more: that run stops polling it (a poll in flight may still land).
    const ticks = async () => {
      for (let tick = 0; tick < 20; tick += 1) await rig.clock.sleep(0);
    };
    await ticks();
    const polls = rig.emulator.counters.batchGets;
    await ticks();
    expect(rig.emulator.counters.batchGets).toBe(polls);

    // The next run: same emulator, same ledger.
    const resumed = await startTestRig(
      {},
      {
        baseUrl: rig.emulator.baseUrl,
        now: rig.clock.now,
        sleep: rig.clock.sleep,
        batch: { ledger, settleMs: 1000, pollIntervalMs: 1000 },
      },
    );
    const answer = await resumed.model.generate(textRequest('kept'));
    expect(answer.text).toBe('echo: kept');
    expect(rig.emulator.counters.batchCreations).toBe(1);
    const lines = (await readFile(ledger, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        job: 'batches/emulated0',
        model: 'gemini-3.5-flash-lite',
        keys: [expect.any(String)],
      }),
      { collected: 'batches/emulated0' },
    ]);
    // Collected: the same call asked once more is a new call, in a new job.
    await resumed.model.generate(textRequest('kept'));
    expect(rig.emulator.counters.batchCreations).toBe(2);
  });

  it('should resubmit the calls of an inline job whose answers lost their keys, then send files', async () => {
    const { emulator, model, events } = await batchRig({ batch: { dropInlineMetadata: true } });
    const alone = await model.generate(textRequest('alone'));
    // One request, one answer: nothing else it can be.
    expect(alone.text).toBe('echo: alone');
    const pair = await Promise.all(['left', 'right'].map((text) => model.generate(textRequest(text))));
    expect(pair.map((result) => result.text)).toEqual(['echo: left', 'echo: right']);
    expect(emulator.batches.map((job) => job.input)).toEqual(['inline', 'inline', 'file']);
    expect(events.filter((event) => event.stage === 'ended')[1]).toMatchObject({ unkeyed: 2, unanswered: 2 });
  });

  it('should upload a file again when its batch request finds it forgotten, and send the call once more', async () => {
    const { emulator, model } = await batchRig();
    const cover = await writeMediaFile('cover.png');
    const request = (text: string): ModelRequest => ({
      ...textRequest(text),
      messages: [
        {
          role: 'user',
          parts: [
            { kind: 'text', text },
            { kind: 'file', path: cover, mimeType: 'image/png' },
          ],
        },
      ],
    });
    await model.generate(request('first'));
    emulator.expireFile(emulator.uploads[0]?.name ?? '');
    const result = await model.generate(request('second'));
    expect(result.text).toBe('echo: second');
    expect(emulator.uploads).toHaveLength(2);
    expect(result.retries).toEqual([expect.objectContaining({ status: 403 })]);
  });

  it('should not poll a job whose only call was aborted while the job was being created', async () => {
    const stop = new AbortController();
    // A round over the inline limit goes as a file: its upload starts once the round has left.
    const { emulator, model, clock } = await batchRig(
      { batch: { runningMs: 60_000 }, respondToUploadStart: () => void stop.abort() },
      { inlineLimitBytes: 1 },
    );
    const aborted = await rejectionOf(model.generate(textRequest('late', { signal: stop.signal })));
    expect(aborted).toMatchObject({ code: 'ABORTED' });
    while (emulator.counters.batchCreations === 0) await clock.sleep(0);
    for (let tick = 0; tick < 20; tick += 1) await clock.sleep(0);
    expect(emulator.counters.batchGets).toBe(0);
  });

  it('should leave a call aborted before its round went out of the job', async () => {
    const { emulator, model } = await batchRig();
    const stop = new AbortController();
    const leaving = model.generate(textRequest('leaving', { signal: stop.signal }));
    const staying = model.generate(textRequest('staying'));
    stop.abort();
    expect(await rejectionOf(leaving)).toMatchObject({ code: 'ABORTED' });
    expect((await staying).text).toBe('echo: staying');
    expect(texts(emulator.requests)).toEqual(['staying']);
  });
});
