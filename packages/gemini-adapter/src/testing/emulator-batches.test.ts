import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GoogleGenAI, JobState } from '@google/genai';
import { costOfCall, priceOf } from '@tp2dg/entities';
import { afterEach, describe, expect, it } from 'vitest';
import { mapUsage } from '../map-usage.js';
import { GEMINI_PRICE_TABLE } from '../prices/gemini-prices.js';
import { temporaryFolder, testApiKey } from '../test-helpers.js';
import { createCooperativeResponder } from './cooperative-responder.js';
import { emulatedApiError } from './emulated-api-error.js';
import type { GeminiEmulator, GeminiEmulatorOptions } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';

const MODEL = 'gemini-3.5-flash-lite';

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: GeminiEmulatorOptions = {}) {
  emulator = await startGeminiEmulator(options);
  const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
  return { emulator, client };
}

/** A priming request the cooperative responder acknowledges, told apart by its text. */
const priming = (text: string) => ({
  contents: [{ role: 'user', parts: [{ text }] }],
  metadata: { key: `key-${text}` },
});

describe('the emulator with the real SDK: batch jobs', () => {
  it('should run inline requests at once, answer each by key in no set order, and bill them at the batch discount', async () => {
    const { emulator, client } = await start();
    const created = await client.batches.create({
      model: MODEL,
      src: [priming('first'), priming('second')],
    });
    expect(created.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    const job = await client.batches.get({ name: created.name ?? '' });
    const responses = job.dest?.inlinedResponses ?? [];
    // Reversed: the service keeps no order, so a client must go by the keys.
    expect(responses.map((response) => response.metadata?.key)).toEqual(['key-second', 'key-first']);
    expect(responses[0]?.response?.candidates?.[0]?.content?.parts?.[0]?.text).toBeTruthy();
    expect(emulator.counters).toMatchObject({
      batchCreations: 1,
      batchGets: 1,
      batchRequests: 2,
      generateRequests: 0,
    });
    expect(emulator.batches[0]).toMatchObject({ input: 'inline', model: MODEL });
    expect(emulator.requests.map((request) => request.batch)).toEqual([created.name, created.name]);
    const rates = priceOf(MODEL, GEMINI_PRICE_TABLE, new Date());
    const usage = mapUsage(responses[1]?.response?.usageMetadata);
    if (rates === undefined) throw new Error(`${MODEL} must be priced`);
    // No cache hit in a first call: the whole call at the table's 50% batch discount.
    expect(usage.cached_text_input).toBe(0);
    expect(emulator.bills[0]).toMatchObject({ serviceTier: 'batch' });
    expect(emulator.bills[0]?.usd).toBeCloseTo(costOfCall(usage, rates) * 0.5, 12);
  });

  it('should run the requests of an uploaded JSON-lines file and serve its results file for download', async () => {
    const { emulator, client } = await start();
    const lines = ['one', 'two'].map((text) =>
      JSON.stringify({ key: `key-${text}`, request: { contents: [{ role: 'user', parts: [{ text }] }] } }),
    );
    const input = await client.files.upload({
      file: new Blob([lines.join('\n')]),
      config: { mimeType: 'application/jsonl', displayName: 'batch input' },
    });
    const created = await client.batches.create({ model: MODEL, src: input.name ?? '' });
    const results = created.dest?.fileName;
    expect(results).toMatch(/^files\/batch-/);
    const downloadPath = join(await temporaryFolder(), 'results.jsonl');
    await client.files.download({ file: results ?? '', downloadPath });
    const answered = (await readFile(downloadPath, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { key: string; response: { usageMetadata: unknown } });
    expect(answered.map((line) => line.key)).toEqual(['key-one', 'key-two']);
    expect(answered.every((line) => line.response.usageMetadata !== undefined)).toBe(true);
    expect(emulator.batches[0]?.input).toBe('file');
    expect(emulator.counters.resultDownloads).toBe(1);
  });

  it('should move a job PENDING, RUNNING, then SUCCEEDED on its clock, answering only then', async () => {
    let clock = 0;
    const { emulator, client } = await start({
      now: () => clock,
      batch: { pendingMs: 1000, runningMs: 5000 },
    });
    const created = await client.batches.create({ model: MODEL, src: [priming('later')] });
    const name = created.name ?? '';
    expect(created.state).toBe(JobState.JOB_STATE_PENDING);
    clock = 1000;
    expect((await client.batches.get({ name })).state).toBe(JobState.JOB_STATE_RUNNING);
    expect(emulator.requests).toHaveLength(0);
    clock = 6000;
    const done = await client.batches.get({ name });
    expect(done.state).toBe(JobState.JOB_STATE_SUCCEEDED);
    expect(done.dest?.inlinedResponses).toHaveLength(1);
    expect(emulator.batches[0]?.gets).toBe(2);
  });

  it('should end a job as its outcome says, with the answers it got to, and report errors per request', async () => {
    const responder = createCooperativeResponder({
      intercept: (request) =>
        JSON.stringify(request.body).includes('overloaded') ? emulatedApiError(503) : undefined,
    });
    const { client } = await start({
      respond: responder.respond,
      batch: { outcome: (job) => (job.index === 0 ? { state: 'EXPIRED', answered: 2 } : undefined) },
    });
    const expired = await client.batches.create({
      model: MODEL,
      src: [priming('fine'), priming('overloaded'), priming('never reached')],
    });
    expect(expired.state).toBe(JobState.JOB_STATE_EXPIRED);
    const responses = expired.dest?.inlinedResponses ?? [];
    expect(responses.map((response) => response.metadata?.key)).toEqual(['key-overloaded', 'key-fine']);
    // A google.rpc.Status: 14 is UNAVAILABLE, what HTTP calls 503.
    expect(responses[0]?.error).toMatchObject({ code: 14 });
    expect(responses[1]?.response).toBeDefined();
    const next = await client.batches.create({ model: MODEL, src: [priming('again')] });
    expect(next.state).toBe(JobState.JOB_STATE_SUCCEEDED);
  });

  it('should leave metadata out of inline responses when told to, and refuse an unknown job or input file', async () => {
    const { client } = await start({ batch: { dropInlineMetadata: true } });
    const created = await client.batches.create({ model: MODEL, src: [priming('bare')] });
    expect(created.dest?.inlinedResponses?.[0]?.metadata).toBeUndefined();
    await expect(client.batches.get({ name: 'batches/unknown' })).rejects.toMatchObject({ status: 404 });
    await expect(client.batches.create({ model: MODEL, src: 'files/missing' })).rejects.toMatchObject({
      status: 404,
    });
  });
});
