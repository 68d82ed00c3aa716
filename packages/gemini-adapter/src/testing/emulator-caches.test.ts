import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiError, type Content, GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { silentWav } from '../quota/wav-bytes.js';
import { rejectionOf, temporaryFolder, testApiKey } from '../test-helpers.js';
import { createCooperativeResponder } from './cooperative-responder.js';
import type { EmulatedGenerateRequest, EmulatorCounters, GeminiEmulator } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';
import { systemInstructionOf } from './wire-request.js';

const MODEL = 'gemini-3.5-flash';
/** gemini-3.5-flash per 1M tokens: input $1.50, cached input $0.15, output $9, storage $1.00 an hour. */
const INPUT = 1.5e-6;
const CACHED = 0.15e-6;
const OUTPUT = 9e-6;
const STORAGE_PER_HOUR = 1e-6;

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** The emulator on a clock the test moves, the real SDK pointed at it, and what its model was asked. */
async function start() {
  const clock = { time: Date.parse('2026-12-15T12:00:00Z') };
  const asked: EmulatedGenerateRequest[] = [];
  const responder = createCooperativeResponder({
    intercept: (request) => {
      asked.push(request);
      return undefined;
    },
  });
  emulator = await startGeminiEmulator({ now: () => clock.time, respond: responder.respond });
  const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
  return { emulator, client, clock, asked };
}

/**
 * 4,096 tokens, gemini-3.5-flash's minimum: a system instruction of 4,000 characters (1,000
 * tokens), a user message of 12,000 (3,000 tokens) and a 3 s clip (3 x 32 = 96 tokens).
 */
async function poolContents(client: GoogleGenAI): Promise<Content[]> {
  const path = join(await temporaryFolder(), 'clip.wav');
  await writeFile(path, silentWav(3));
  const clip = await client.files.upload({ file: path, config: { mimeType: 'audio/wav' } });
  return [
    {
      role: 'user',
      parts: [{ text: 'p'.repeat(12_000) }, { fileData: { fileUri: clip.uri, mimeType: 'audio/wav' } }],
    },
  ];
}

const SYSTEM = `You are TalkPlay. ${'s'.repeat(3982)}`;

async function createCache(client: GoogleGenAI, contents: Content[], ttl = '300s') {
  return client.caches.create({
    model: MODEL,
    config: { systemInstruction: SYSTEM, contents, ttl, displayName: 'tp2dg-recsys-test' },
  });
}

const statusOf = async (promise: Promise<unknown>) => {
  const error = (await rejectionOf(promise)) as unknown as ApiError;
  return { status: error.status, message: error.message };
};

const sum = (bills: readonly { usd: number | null }[]) =>
  bills.reduce((total, bill) => total + (bill.usd ?? 0), 0);

describe('the emulator with the real SDK: explicit context caches', () => {
  it('should bill the creation at the input price and the TTL asked at the storage price', async () => {
    const { emulator, client, clock } = await start();
    const cache = await createCache(client, await poolContents(client));
    expect(cache.name).toMatch(/^cachedContents\/[a-z0-9]+$/);
    expect(cache).toMatchObject({ model: `models/${MODEL}`, displayName: 'tp2dg-recsys-test' });
    expect(cache.usageMetadata?.totalTokenCount).toBe(4096);
    expect(Date.parse(cache.expireTime ?? '')).toBe(clock.time + 300_000);
    const [creation, storage] = emulator.cacheBills;
    expect(creation).toMatchObject({ kind: 'creation', cache: cache.name, model: MODEL });
    // 4,000 text + 96 audio tokens, all at the input price.
    expect(creation?.usd).toBeCloseTo(4096 * INPUT, 12);
    // 4,096 tokens for 300 s: 4,096 x 300 / 3,600 token-hours.
    expect(storage?.usd).toBeCloseTo(((4096 * 300) / 3600) * STORAGE_PER_HOUR, 12);
  });

  it('should serve the cache at the cached price, read before the contents sent, and the history after it from the implicit cache when it was sent before', async () => {
    const { emulator, client, asked } = await start();
    const cache = await createCache(client, await poolContents(client));
    // 8,000 characters (2,000 tokens) sent twice after the same cache: the implicit cache serves
    // them the second time, on top of the explicit cache.
    const ask = () =>
      client.models.generateContent({
        model: MODEL,
        contents: 'q'.repeat(8000),
        config: { cachedContent: cache.name, thinkingConfig: { thinkingBudget: 0 } },
      });
    const first = await ask();
    const second = await ask();
    expect(first.usageMetadata).toMatchObject({
      // Gemini's prompt count includes the cached tokens.
      promptTokenCount: 4096 + 2000,
      cachedContentTokenCount: 4096,
      cacheTokensDetails: [
        { modality: 'TEXT', tokenCount: 4000 },
        { modality: 'AUDIO', tokenCount: 96 },
      ],
    });
    expect(second.usageMetadata).toMatchObject({
      promptTokenCount: 4096 + 2000,
      cachedContentTokenCount: 4096 + 2000,
      cacheTokensDetails: [
        { modality: 'TEXT', tokenCount: 6000 },
        { modality: 'AUDIO', tokenCount: 96 },
      ],
    });
    const outputOf = (answer: typeof first) => answer.usageMetadata?.candidatesTokenCount ?? 0;
    expect(emulator.bills[0]?.usd).toBeCloseTo(2000 * INPUT + 4096 * CACHED + outputOf(first) * OUTPUT, 12);
    expect(emulator.bills[1]?.usd).toBeCloseTo(6096 * CACHED + outputOf(second) * OUTPUT, 12);
    // The model read the cache's system instruction and its pool before the message.
    expect(systemInstructionOf(asked[0]?.body ?? { contents: [] })).toBe('');
    expect(asked[0]?.cachedContent?.systemInstruction?.parts[0]?.text).toBe(SYSTEM);
    expect(emulator.requests[0]?.body.cachedContent).toBe(cache.name);
  });

  it('should refuse a cache under the minimum, on a model without explicit caching, and a request with both', async () => {
    const { emulator, client } = await start();
    const contents = await poolContents(client);
    const [first] = contents;
    const smaller = [
      { role: 'user', parts: [{ text: 'p'.repeat(11_996) }, ...(first?.parts ?? []).slice(1)] },
    ];
    expect(await statusOf(createCache(client, smaller))).toMatchObject({
      status: 400,
      message: expect.stringContaining(
        'Cached content is too small. total_token_count=4095, min_total_token_count=4096',
      ),
    });
    const lite = client.caches.create({ model: 'gemini-3.5-flash-lite', config: { contents, ttl: '60s' } });
    expect((await statusOf(lite)).status).toBe(400);
    const cache = await createCache(client, contents);
    const both = client.models.generateContent({
      model: MODEL,
      contents: 'Hi',
      config: { cachedContent: cache.name, systemInstruction: 'You are someone else.' },
    });
    expect(await statusOf(both)).toMatchObject({
      status: 400,
      message: expect.stringContaining(
        'CachedContent can not be used with GenerateContent request setting system_instruction',
      ),
    });
    const otherModel = client.models.generateContent({
      model: 'gemini-3.8-flash',
      contents: 'Hi',
      config: { cachedContent: cache.name },
    });
    expect((await statusOf(otherModel)).status).toBe(400);
    expect(emulator.bills).toHaveLength(0);
  });

  it('should extend a TTL and bill only the time added, then forget the cache once it expires', async () => {
    const { emulator, client, clock } = await start();
    const cache = await createCache(client, await poolContents(client));
    clock.time += 100_000;
    const extended = await client.caches.update({ name: cache.name ?? '', config: { ttl: '600s' } });
    expect(Date.parse(extended.expireTime ?? '')).toBe(clock.time + 600_000);
    // Expiry moved from 300 s to 100 + 600 = 700 s after creation: 400 s more of 4,096 tokens.
    expect(emulator.cacheBills[2]).toMatchObject({ kind: 'storage' });
    expect(emulator.cacheBills[2]?.usd).toBeCloseTo(((4096 * 400) / 3600) * STORAGE_PER_HOUR, 12);
    clock.time += 600_000;
    expect((await statusOf(client.caches.get({ name: cache.name ?? '' }))).status).toBe(404);
    const late = client.models.generateContent({
      model: MODEL,
      contents: 'Hi',
      config: { cachedContent: cache.name },
    });
    expect(await statusOf(late)).toMatchObject({
      status: 404,
      message: expect.stringContaining('CachedContent not found'),
    });
  });

  it('should list live caches across pages and delete them for good', async () => {
    const { emulator, client } = await start();
    const contents = await poolContents(client);
    const names: string[] = [];
    for (let index = 0; index < 3; index += 1) names.push((await createCache(client, contents)).name ?? '');
    await client.caches.delete({ name: names[1] ?? '' });
    const listed: string[] = [];
    for await (const cache of await client.caches.list({ config: { pageSize: 1 } }))
      listed.push(cache.name ?? '');
    expect(listed).toEqual([names[0], names[2]]);
    expect((await statusOf(client.caches.delete({ name: names[1] ?? '' }))).status).toBe(404);
    expect(emulator.caches.map((cache) => cache.deleted)).toEqual([false, true, false]);
    const counted: EmulatorCounters['cacheRequests'] = emulator.counters.cacheRequests;
    // Pages of 1 over 2 live caches: 2 list requests.
    expect(counted).toEqual({ create: 3, get: 0, list: 2, update: 0, delete: 2 });
    // Creation and storage of each cache, whatever became of it.
    expect(emulator.cacheBills).toHaveLength(6);
    expect(sum(emulator.cacheBills)).toBeGreaterThan(0);
  });
});
