import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ApiError, GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { silentWav } from '../quota/wav-bytes.js';
import { temporaryFolder, testApiKey, writeMediaFile } from '../test-helpers.js';
import type { GeminiEmulator } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start() {
  emulator = await startGeminiEmulator();
  const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
  return { emulator, client };
}

async function uploadClips(client: GoogleGenAI, count: number): Promise<string[]> {
  const names: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const path = await writeMediaFile(`clip${index}.wav`, 10 + index);
    const file = await client.files.upload({ file: path, config: { mimeType: 'audio/wav' } });
    names.push(file.name ?? '');
  }
  return names;
}

describe('the emulator with the real SDK: countTokens, files.list, files.delete', () => {
  it('should count tokens for text, 4 characters a token, and audio by its playing time, 32 a second', async () => {
    const { emulator, client } = await start();
    const text = await client.models.countTokens({
      model: 'gemini-3.5-flash-lite',
      contents: 'x'.repeat(40),
    });
    expect(text.totalTokens).toBe(10);
    const folder = await temporaryFolder();
    const tokensWith = async (name: string, bytes: Buffer) => {
      const path = join(folder, name);
      await writeFile(path, bytes);
      const file = await client.files.upload({ file: path, config: { mimeType: 'audio/wav' } });
      const counted = await client.models.countTokens({
        model: 'gemini-3.5-flash-lite',
        contents: [
          {
            role: 'user',
            parts: [{ text: 'abcd' }, { fileData: { fileUri: file.uri, mimeType: 'audio/wav' } }],
          },
        ],
      });
      return counted.totalTokens;
    };
    // 'abcd' is 1 token; 3 s x 32 = 96; 30 s x 32 = 960; bytes with no audio in them, nothing.
    expect(await tokensWith('three.wav', silentWav(3))).toBe(1 + 96);
    expect(await tokensWith('thirty.wav', silentWav(30))).toBe(1 + 960);
    expect(await tokensWith('noise.wav', Buffer.alloc(64, 7))).toBe(1);
    expect(emulator.uploads.map((upload) => upload.audioSeconds)).toEqual([3, 30, undefined]);
    expect(emulator.counters.countTokens).toBe(4);
    // countTokens is not a generation: it leaves the generate requests alone.
    expect(emulator.counters.generateRequests).toBe(0);
  });

  it('should list every stored file across pages through the SDK pager', async () => {
    const { emulator, client } = await start();
    const names = await uploadClips(client, 5);
    const pager = await client.files.list({ config: { pageSize: 2 } });
    expect(pager.page.map((file) => file.name)).toEqual(names.slice(0, 2));
    const listed: string[] = [];
    for await (const file of pager) listed.push(file.name ?? '');
    expect(listed).toEqual(names);
    expect(listed.every((name) => /^files\/file\d+$/.test(name))).toBe(true);
    // Pages of 2 over 5 files: 3 requests.
    expect(emulator.counters.fileLists).toBe(3);
  });

  it('should delete a file so that it is no longer listed, fetched or usable', async () => {
    const { emulator, client } = await start();
    const [kept, deleted] = await uploadClips(client, 2);
    const uri = (await client.files.get({ name: deleted ?? '' })).uri;
    await client.files.delete({ name: deleted ?? '' });
    const pager = await client.files.list();
    expect(pager.page.map((file) => file.name)).toEqual([kept]);
    const status = (promise: Promise<unknown>) =>
      promise.then(() => 200).catch((error: ApiError) => error.status);
    expect(await status(client.files.get({ name: deleted ?? '' }))).toBe(404);
    expect(await status(client.files.delete({ name: deleted ?? '' }))).toBe(404);
    const useDeleted = client.models.generateContent({
      model: 'gemini-3.5-flash-lite',
      contents: [{ role: 'user', parts: [{ fileData: { fileUri: uri, mimeType: 'audio/wav' } }] }],
    });
    expect(await status(useDeleted)).toBe(403);
    expect(emulator.counters).toMatchObject({ fileDeletes: 2, uploads: 2, uploadStarts: 2 });
  });

  it('should delay each generateContent answer by latencyMs', async () => {
    emulator = await startGeminiEmulator({ latencyMs: 150, respond: () => ({ text: 'late' }) });
    const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
    const started = performance.now();
    const response = await client.models.generateContent({ model: 'gemini-3.5-flash-lite', contents: 'hi' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(response.candidates?.[0]?.content?.parts?.[0]?.text).toBe('late');
  });

  it('should hold each upload by uploadLatencyMs, counted as started but not stored meanwhile', async () => {
    emulator = await startGeminiEmulator({ uploadLatencyMs: 150 });
    const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
    const path = await writeMediaFile('clip.wav', 12);
    const started = performance.now();
    const upload = client.files.upload({ file: path, config: { mimeType: 'audio/wav' } });
    while (emulator.counters.uploadStarts === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(emulator.counters.uploads).toBe(0);
    expect((await upload).sizeBytes).toBe('12');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(emulator.counters).toMatchObject({ uploadStarts: 1, uploads: 1 });
  });

  it('should answer with the cooperative responder when given no respond', async () => {
    const { client } = await start();
    const response = await client.models.generateContent({
      model: 'gemini-3.5-flash-lite',
      contents: 'Acknowledge, please.',
    });
    expect(response.candidates?.[0]?.content?.parts?.[0]?.text).toBe('Got it, I have the tracks.');
    expect(response.usageMetadata?.promptTokenCount).toBe(5);
  });
});
