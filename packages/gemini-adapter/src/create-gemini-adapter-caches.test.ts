import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GoogleGenAI } from '@google/genai';
import {
  costOfCall,
  type ModelMessage,
  type ModelPort,
  type ModelRequest,
  priceOf,
  type TokenUsage,
} from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import type { GeminiAdapterOptions } from './gemini-adapter-options.js';
import { GEMINI_PRICE_TABLE } from './prices/gemini-prices.js';
import { silentWav } from './quota/wav-bytes.js';
import { startTestRig, temporaryFolder, testApiKey, writeMediaFile } from './test-helpers.js';
import type { GeminiEmulator } from './testing/emulator-types.js';

const MODEL = 'gemini-3.5-flash';
/** gemini-3.5-flash's explicit cache minimum in the price table. */
const MIN_TOKENS = 4096;
/** The adapter's default 120 s attempt limit plus the 300 s a cache is kept past it. */
const TTL_SECONDS = 420;

/**
 * A Recsys-like chat on gemini-3.5-flash at high media resolution: a system instruction of
 * 4,000 characters (1,000 tokens), then a priming message of 2,400 characters of instructions
 * (600 tokens) and three tracks, each a 3 s clip (96 tokens) and a cover (1,120 tokens).
 */
async function chat() {
  const folder = await temporaryFolder();
  const media = await Promise.all(
    [1, 2, 3].map(async (track) => {
      const clip = join(folder, `clip${track}.wav`);
      // Another sample rate each, so each clip is its own upload; each plays 3 s.
      await writeFile(clip, silentWav(3, 8000 + track));
      const cover = await writeMediaFile(`cover${track}.png`, 60 + track);
      return [
        { kind: 'file' as const, path: clip, mimeType: 'audio/wav' },
        { kind: 'file' as const, path: cover, mimeType: 'image/png' },
      ];
    }),
  );
  const priming: ModelMessage = {
    role: 'user',
    parts: [{ kind: 'text', text: 'P'.repeat(2400) }, ...media.flat()],
  };
  const systemInstruction = 'S'.repeat(4000);
  const request = (turn: number, ...later: ModelMessage[]): ModelRequest => ({
    label: { agent: 'recsys', turn, template: turn === 0 ? 'recsys-priming' : 'recsys-turn', attempt: 1 },
    systemInstruction,
    messages: [priming, ...later],
  });
  const reply: ModelMessage = {
    role: 'model',
    parts: [{ kind: 'text', text: 'Got it, I have the tracks.' }],
  };
  const question: ModelMessage = { role: 'user', parts: [{ kind: 'text', text: 'Q'.repeat(400) }] };
  return { request, reply, question };
}

/**
 * What the cache holds: the system instruction and the priming message up to its last media
 * part, but not that part, which a request must send: 1,000 + 600 text tokens, 3 clips x 96
 * and 2 covers x 1,120. The third cover (1,120) goes with each call.
 */
const CACHED = { text: 1000 + 600, audio: 3 * 96, image: 2 * 1120 };
const CACHE_TOKENS = CACHED.text + CACHED.audio + CACHED.image;

/** An emulator and a caching adapter on one clock the test moves, with a cache ledger. */
async function cachingRig(options: Partial<GeminiAdapterOptions> = {}) {
  // Real time to start from: the emulator dates uploads by it, and the adapter renews a file it deems expired.
  const clock = { time: Date.now() };
  const folder = await temporaryFolder();
  const cacheLedger = join(folder, 'gemini-caches.jsonl');
  const adapterOptions = {
    model: MODEL,
    // A later run finds the same uploads, hence the same prefix, as the CLI's runs do.
    uploadLedger: join(folder, 'gemini-uploads.jsonl'),
    mediaResolution: 'high' as const,
    explicitCacheMinTokens: MIN_TOKENS,
    cacheLedger,
    now: () => clock.time,
    ...options,
  };
  const rig = await startTestRig({ now: () => clock.time }, adapterOptions);
  /** Another run on the same ledger and emulator, as after a kill. */
  const nextRun = () =>
    createGeminiAdapter({ apiKey: testApiKey, baseUrl: rig.emulator.baseUrl, ...adapterOptions });
  return { ...rig, clock, cacheLedger, nextRun };
}

const rates = () => {
  const found = priceOf(MODEL, GEMINI_PRICE_TABLE);
  if (found === undefined) throw new Error(`${MODEL} must be priced`);
  return found;
};

/** What the emulator charged in all: each call, each cache's creation and storage. */
function billed(emulator: GeminiEmulator): number {
  return [...emulator.bills, ...emulator.cacheBills].reduce((sum, bill) => sum + (bill.usd ?? 0), 0);
}

const recorded = (usages: TokenUsage[]) => usages.reduce((sum, usage) => sum + costOfCall(usage, rates()), 0);

async function ledgerLines(path: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

async function primeAndAsk(conversation: ModelPort) {
  const { request, reply, question } = await chat();
  const primed = await conversation.generate(request(0));
  const asked = await conversation.generate(request(1, reply, question));
  return { primed, asked, request, reply, question };
}

describe('explicit context caches through the adapter', () => {
  it('should make the cache at the priming call, send only what follows it, and bill it once', async () => {
    const { emulator, model } = await cachingRig();
    const conversation = model.forConversation();
    const { primed, asked } = await primeAndAsk(conversation);

    const [cache] = emulator.caches;
    expect(emulator.caches).toHaveLength(1);
    expect(cache?.tokens).toBe(CACHE_TOKENS);
    expect(cache?.displayName).toMatch(/^tp2dg-recsys-[0-9a-f]{16}$/);
    const [priming, turn] = emulator.requests;
    // No system instruction (Gemini refuses it beside a cache), and of the priming message only its last cover.
    expect(priming?.body).toMatchObject({ cachedContent: cache?.name });
    expect(priming?.body.systemInstruction).toBeUndefined();
    expect(priming?.body.contents).toHaveLength(1);
    expect(priming?.body.contents[0]?.parts).toHaveLength(1);
    expect(priming?.body.contents[0]?.parts[0]).toMatchObject({ fileData: { mimeType: 'image/png' } });
    // The turn sends the same cover, the acknowledgement and the question.
    expect(turn?.body.contents.map((content) => content.role)).toEqual(['user', 'model', 'user']);

    // The priming call: the cache used at the cached price and made (billed once at the input
    // price), the third cover sent, and 4,128 tokens stored for 420 s.
    expect(primed.usage).toMatchObject({
      cached_text_input: CACHED.text,
      cached_audio_input: CACHED.audio,
      cached_image_input: CACHED.image,
      cache_creation_text_input: CACHED.text,
      cache_creation_audio_input: CACHED.audio,
      cache_creation_image_input: CACHED.image,
      text_input: 0,
      audio_input: 0,
      image_input: 1120,
      cache_storage_token_seconds: CACHE_TOKENS * TTL_SECONDS,
    });
    // The turn: no creation, no storage; the acknowledgement (26 characters: 7 tokens) and the
    // question (400 characters: 100 tokens) at the input price. The last cover, sent after the
    // cache by the priming call too, comes from the implicit cache.
    expect(asked.usage).toMatchObject({
      cached_text_input: CACHED.text,
      cached_image_input: CACHED.image + 1120,
      text_input: 7 + 100,
      audio_input: 0,
      image_input: 0,
      cache_creation_text_input: 0,
      cache_storage_token_seconds: 0,
    });
    // Every dollar the emulator charged, the adapter recorded.
    expect(recorded([primed.usage, asked.usage])).toBeCloseTo(billed(emulator), 12);
    expect(billed(emulator)).toBeGreaterThan(0);
    expect(emulator.counters.cacheRequests).toMatchObject({ create: 1, update: 0, delete: 0 });
  });

  it('should delete the cache when its conversation closes, and journal both', async () => {
    const { emulator, model, cacheLedger, clock } = await cachingRig();
    const conversation = model.forConversation();
    const madeAt = clock.time;
    await primeAndAsk(conversation);
    const name = emulator.caches[0]?.name;
    expect(await ledgerLines(cacheLedger)).toEqual([
      expect.objectContaining({
        cache: { name, tokens: CACHE_TOKENS, expiresAt: madeAt + TTL_SECONDS * 1000 },
      }),
    ]);
    await conversation.close?.();
    expect(emulator.caches[0]?.deleted).toBe(true);
    const lines = await ledgerLines(cacheLedger);
    expect(lines.at(-1)).toMatchObject({ cache: { name }, deleted: true });
  });

  it('should share one cache between conversations with the same prefix until the last one closes', async () => {
    const { emulator, model } = await cachingRig();
    const { request } = await chat();
    const first = model.forConversation();
    const second = model.forConversation();
    await first.generate(request(0));
    const secondPrimed = await second.generate(request(0));
    expect(emulator.caches).toHaveLength(1);
    // Only the call that made it pays its creation and storage.
    expect(secondPrimed.usage).toMatchObject({
      cache_creation_text_input: 0,
      cache_storage_token_seconds: 0,
    });
    await first.close?.();
    expect(emulator.caches[0]?.deleted).toBe(false);
    await second.close?.();
    expect(emulator.caches[0]?.deleted).toBe(true);
  });

  it('should send a prefix under the minimum, a one-shot call and a plain adapter call as they are', async () => {
    // 4,128 tokens fall short of a minimum of 4,129.
    const { emulator, model } = await cachingRig({ explicitCacheMinTokens: CACHE_TOKENS + 1 });
    const { request } = await chat();
    await model.forConversation().generate(request(0));
    const oneShot = {
      ...request(0),
      label: { agent: 'profile' as const, turn: null, template: 'profile', attempt: 1 },
    };
    const cached = await cachingRig();
    await cached.model.forConversation().generate(oneShot);
    await cached.model.generate(request(0));
    for (const rig of [emulator, cached.emulator]) {
      expect(rig.caches).toHaveLength(0);
      expect(rig.requests.every((sent) => sent.body.systemInstruction !== undefined)).toBe(true);
    }
  });

  it('should go without a cache the service refuses, sending the request whole', async () => {
    // The emulator's minimum for gemini-3.5-flash is 4,096: a cache asked of a smaller prefix gets 400.
    const { emulator, model } = await cachingRig({ explicitCacheMinTokens: 1000 });
    const { request } = await chat();
    const trimmed = request(0);
    const first = trimmed.messages[0] as ModelMessage;
    const small: ModelRequest = { ...trimmed, messages: [{ role: 'user', parts: first.parts.slice(0, 4) }] };
    const result = await model.forConversation().generate(small);
    expect(emulator.counters.cacheRequests.create).toBe(1);
    expect(emulator.caches).toHaveLength(0);
    expect(emulator.requests[0]?.body.systemInstruction).toBeDefined();
    expect(result.usage.cache_storage_token_seconds).toBe(0);
  });

  it('should extend a cache before an attempt that could outlive it, and bill the time added', async () => {
    const { emulator, model, clock } = await cachingRig();
    const conversation = model.forConversation();
    const { request, reply, question } = await chat();
    const primed = await conversation.generate(request(0));
    // 301 s later the cache has 119 s left, less than a 120 s attempt could take.
    clock.time += 301_000;
    const asked = await conversation.generate(request(1, reply, question));
    expect(emulator.counters.cacheRequests.update).toBe(1);
    // Extended to 420 s from now: from 420 to 301 + 420 = 721 s after creation, 301 s more.
    expect(asked.usage.cache_storage_token_seconds).toBe(CACHE_TOKENS * 301);
    expect(emulator.caches[0]?.expiresAt).toBe(clock.time + TTL_SECONDS * 1000);
    expect(recorded([primed.usage, asked.usage])).toBeCloseTo(billed(emulator), 12);
    // The next call finds enough time left: no other extension.
    await conversation.generate(request(1, reply, question));
    expect(emulator.counters.cacheRequests.update).toBe(1);
  });

  it('should make the cache again when the service forgot it, and record the retry', async () => {
    const { emulator, model, retries } = await cachingRig();
    const conversation = model.forConversation();
    const { request, reply, question } = await chat();
    await conversation.generate(request(0));
    emulator.expireCache(emulator.caches[0]?.name ?? '');
    const asked = await conversation.generate(request(1, reply, question));
    expect(emulator.caches).toHaveLength(2);
    expect(retries).toMatchObject([{ operation: 'generate', status: 404 }]);
    expect(asked.retries?.[0]?.message).toContain('CachedContent not found');
    // The new cache's creation and storage are this call's.
    expect(asked.usage.cache_storage_token_seconds).toBe(CACHE_TOKENS * TTL_SECONDS);
    expect(emulator.requests.at(-1)?.body.cachedContent).toBe(emulator.caches[1]?.name);
  });

  it('should reuse after a kill the cache the ledger names, and delete those nothing reuses', async () => {
    const { emulator, model, nextRun, cacheLedger } = await cachingRig();
    const { request, reply, question } = await chat();
    // Killed after the priming calls of two conversations: one with this pool, one with another.
    await model.forConversation().generate(request(0));
    const other = { ...request(0), systemInstruction: 'T'.repeat(4000) };
    await model.forConversation().generate(other);
    expect(emulator.caches).toHaveLength(2);
    // The ledger names the process that held them, which the kill ended.
    const lines = await ledgerLines(cacheLedger);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    const killed = lines.map((line) => ({ ...line, writer: { ...(line.writer as object), pid: gone } }));
    await writeFile(cacheLedger, killed.map((line) => `${JSON.stringify(line)}\n`).join(''));

    const resumed = nextRun();
    const conversation = resumed.forConversation();
    const asked = await conversation.generate(request(1, reply, question));
    expect(emulator.counters.cacheRequests.create).toBe(2);
    expect(emulator.requests.at(-1)?.body.cachedContent).toBe(emulator.caches[0]?.name);
    // Made and paid for by the killed run.
    expect(asked.usage.cache_storage_token_seconds).toBe(0);
    // The reused cache goes with its conversation; the other conversation's is nobody's, and
    // goes when the run ends.
    await conversation.close?.();
    expect(emulator.caches.map((cache) => cache.deleted)).toEqual([true, false]);
    expect(await resumed.deleteLeftoverCaches()).toBe(1);
    expect(emulator.caches.map((cache) => cache.deleted)).toEqual([true, true]);
    // Rewritten with what is alive: nothing.
    expect(await readFile(cacheLedger, 'utf8')).toBe('');
  });

  it('should leave alone the caches of another run that shares the ledger and still runs', async () => {
    const { emulator, model, nextRun } = await cachingRig();
    const { request } = await chat();
    const running = model.forConversation();
    await running.generate(request(0));
    // Another model's or shard's run, in the same output directory, ending first.
    expect(await nextRun().deleteLeftoverCaches()).toBe(0);
    expect(emulator.caches[0]?.deleted).toBe(false);
    await running.close?.();
    expect(emulator.caches[0]?.deleted).toBe(true);
  });

  it('should delete every cache tp2dg made on the key, found by display name, and no other', async () => {
    const { emulator, model } = await cachingRig();
    const { request } = await chat();
    await model.forConversation().generate(request(0));
    const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
    const uploaded = emulator.requests[0]?.body.contents[0]?.parts ?? [];
    const contents = [{ role: 'user', parts: [{ text: 'x'.repeat(20_000) }, ...uploaded] }];
    const make = (displayName: string) =>
      client.caches.create({ model: MODEL, config: { contents, ttl: '600s', displayName } });
    // Another tp2dg run's (its ledger lost), and someone else's.
    await make('tp2dg-listener-0123456789abcdef');
    await make('notebook-experiment');
    expect(await model.deleteCaches()).toBe(2);
    expect(emulator.caches.map((cache) => cache.deleted)).toEqual([true, true, false]);
  });
});
