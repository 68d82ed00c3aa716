import { ApiError, GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it } from 'vitest';
import { testApiKey, writeMediaFile } from '../test-helpers.js';
import { emulatedApiError } from './emulated-api-error.js';
import type { GeminiEmulator, GeminiEmulatorOptions } from './emulator-types.js';
import { startGeminiEmulator } from './start-gemini-emulator.js';

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Partial<GeminiEmulatorOptions> = {}) {
  emulator = await startGeminiEmulator({ respond: () => ({ text: 'pong' }), ...options });
  const client = new GoogleGenAI({ apiKey: testApiKey, httpOptions: { baseUrl: emulator.baseUrl } });
  return { emulator, client };
}

describe('startGeminiEmulator', () => {
  it('should listen on 127.0.0.1 and answer the real SDK with the reply text', async () => {
    const { emulator, client } = await start();
    expect(emulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await client.models.generateContent({
      model: 'gemini-3.5-flash-lite',
      contents: 'ping',
    });
    expect(response.candidates?.[0]?.content?.parts?.[0]?.text).toBe('pong');
    expect(emulator.requests[0]).toMatchObject({
      index: 0,
      model: 'gemini-3.5-flash-lite',
      body: { contents: [{ role: 'user', parts: [{ text: 'ping' }] }] },
    });
  });

  it('should reject an empty text part, as the service does', async () => {
    const { client } = await start();
    const status = await client.models
      .generateContent({
        model: 'gemini-3.5-flash-lite',
        contents: [
          { role: 'user', parts: [{ text: 'hi' }] },
          { role: 'model', parts: [{ text: '' }] },
        ],
      })
      .then(() => 200)
      .catch((error: ApiError) => error.status);
    expect(status).toBe(400);
  });

  it('should reject a request without x-goog-api-key, and a wrong key when one is required', async () => {
    const { emulator } = await start({ apiKey: 'right-key' });
    const url = `${emulator.baseUrl}/v1beta/models/gemini-3.5-flash-lite:generateContent`;
    const request = { method: 'POST', body: JSON.stringify({ contents: [] }) };
    expect((await fetch(url, request)).status).toBe(403);
    const wrongKey = await fetch(url, { ...request, headers: { 'x-goog-api-key': 'wrong' } });
    expect(wrongKey.status).toBe(400);
    expect(emulator.requests).toHaveLength(0);
  });

  it('should turn emulatedApiError into an SDK ApiError carrying the status and RetryInfo', async () => {
    const { client } = await start({ respond: () => emulatedApiError(429, { retryDelay: '17s' }) });
    const failure = await client.models
      .generateContent({ model: 'gemini-3.5-flash-lite', contents: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(429);
    expect((failure as ApiError).message).toContain('"retryDelay":"17s"');
  });

  it('should store an SDK upload and report PROCESSING until the configured number of polls', async () => {
    const path = await writeMediaFile('clip.flac', 33);
    const { emulator, client } = await start({ fileProcessingPolls: 1 });
    const file = await client.files.upload({
      file: path,
      config: { mimeType: 'audio/flac', displayName: 'clip' },
    });
    expect(file).toMatchObject({ state: 'PROCESSING', mimeType: 'audio/flac', sizeBytes: '33' });
    expect((await client.files.get({ name: file.name ?? '' })).state).toBe('PROCESSING');
    expect((await client.files.get({ name: file.name ?? '' })).state).toBe('ACTIVE');
    expect(emulator.uploads[0]).toMatchObject({
      displayName: 'clip',
      sizeBytes: 33,
      name: file.name,
      uri: file.uri,
    });
    expect(emulator.uploads[0]?.headers['x-goog-upload-protocol']).toBe('resumable');
    expect(emulator.fileGetCount).toBe(2);
  });

  it('should assemble a resumable upload sent in several chunks', async () => {
    const { emulator } = await start();
    const headers = { 'x-goog-api-key': testApiKey };
    const started = await fetch(`${emulator.baseUrl}/upload/v1beta/files`, {
      method: 'POST',
      headers: {
        ...headers,
        'x-goog-upload-protocol': 'resumable',
        'x-goog-upload-command': 'start',
        'x-goog-upload-header-content-length': '6',
        'x-goog-upload-header-content-type': 'image/png',
      },
      body: JSON.stringify({ file: { displayName: 'cover.png' } }),
    });
    const uploadUrl = started.headers.get('x-goog-upload-url') ?? '';
    const chunk = (command: string, offset: number, body: string) =>
      fetch(uploadUrl, {
        method: 'POST',
        headers: { ...headers, 'x-goog-upload-command': command, 'x-goog-upload-offset': String(offset) },
        body,
      });
    expect((await chunk('upload', 0, 'abc')).headers.get('x-goog-upload-status')).toBe('active');
    const final = await chunk('upload, finalize', 3, 'def');
    expect(final.headers.get('x-goog-upload-status')).toBe('final');
    expect(((await final.json()) as { file: { name: string } }).file.name).toBe(emulator.uploads[0]?.name);
    expect(emulator.uploads[0]?.bytes.toString()).toBe('abcdef');
  });

  it('should refuse prompts that use a PROCESSING or an expired file, as the service does', async () => {
    const path = await writeMediaFile('clip.flac');
    const { emulator, client } = await start({ fileProcessingPolls: 1 });
    const file = await client.files.upload({ file: path, config: { mimeType: 'audio/flac' } });
    const useFile = () =>
      client.models
        .generateContent({
          model: 'gemini-3.5-flash-lite',
          contents: [{ role: 'user', parts: [{ fileData: { fileUri: file.uri } }] }],
        })
        .then(() => 200)
        .catch((error: ApiError) => error.status);
    expect(await useFile()).toBe(400);
    await client.files.get({ name: file.name ?? '' });
    await client.files.get({ name: file.name ?? '' });
    expect(await useFile()).toBe(200);
    emulator.expireFile(file.name ?? '');
    expect(await useFile()).toBe(403);
    const missing = await client.files
      .get({ name: file.name ?? '' })
      .catch((error: ApiError) => error.status);
    expect(missing).toBe(404);
  });

  it('should close, also twice, even while a hanging reply keeps a request open', async () => {
    const { emulator } = await start({ respond: () => ({ hang: true }) });
    const pending = fetch(`${emulator.baseUrl}/v1beta/models/gemini-3.5-flash-lite:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': testApiKey },
      body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Hello?' }] }] }),
    }).catch((error: unknown) => error);
    while (emulator.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await emulator.close();
    await emulator.close();
    expect(await pending).toBeInstanceOf(TypeError);
  });
});
