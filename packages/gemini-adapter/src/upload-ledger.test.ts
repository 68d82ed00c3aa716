import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import { startTestRig, testApiKey, writeMediaFile } from './test-helpers.js';

function withMedia(...paths: string[]): ModelRequest {
  const files = paths.map((path) => ({ kind: 'file' as const, path, mimeType: 'audio/wav' }));
  return {
    label: { agent: 'recsys', turn: 0, template: 'recsys-priming', attempt: 1 },
    messages: [{ role: 'user', parts: [{ kind: 'text', text: 'The pool' }, ...files] }],
  };
}

const ledgerPath = async () => join(await mkdtemp(join(tmpdir(), 'tp2dg-ledger-')), 'gemini-uploads.jsonl');

describe('uploads across calls and runs', () => {
  it('should upload the same content under two paths once', async () => {
    const first = await writeMediaFile('a.wav', 80);
    const second = join(await mkdtemp(join(tmpdir(), 'tp2dg-copy-')), 'b.wav');
    await copyFile(first, second);
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) });
    await model.generate(withMedia(first, second));
    expect(emulator.uploads).toHaveLength(1);
  });

  it('should reuse what an earlier run recorded in the ledger, and upload again what is near expiry', async () => {
    const clip = await writeMediaFile('clip.wav', 90);
    const uploadLedger = await ledgerPath();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { uploadLedger });
    await model.generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(1);
    const nextRun = () =>
      createGeminiAdapter({
        apiKey: testApiKey,
        model: 'gemini-2.5-flash',
        baseUrl: emulator.baseUrl,
        uploadLedger,
      });
    await nextRun().generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(1);
    // The same ledger entry, now half an hour from the service forgetting the file.
    const entry = JSON.parse((await readFile(uploadLedger, 'utf8')).trim());
    entry.file.expiresAt = Date.now() + 30 * 60 * 1000;
    await writeFile(uploadLedger, `${JSON.stringify(entry)}\n`);
    await nextRun().generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(2);
  });

  it('should delete what it uploaded and drop it from the ledger', async () => {
    const clip = await writeMediaFile('clip.wav', 70);
    const uploadLedger = await ledgerPath();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { uploadLedger });
    await model.generate(withMedia(clip));
    const [upload] = emulator.uploads;
    expect(await readFile(uploadLedger, 'utf8')).toContain(upload?.name ?? 'missing');
    expect(await model.deleteUploads()).toBe(1);
    expect(await readFile(uploadLedger, 'utf8')).toBe('');
    const nextRun = createGeminiAdapter({
      apiKey: testApiKey,
      model: 'gemini-2.5-flash',
      baseUrl: emulator.baseUrl,
      uploadLedger,
    });
    await nextRun.generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(2);
  });

  it('should not reuse uploads another key made, and not fail an upload the ledger cannot record', async () => {
    const clip = await writeMediaFile('clip.wav', 60);
    const uploadLedger = await ledgerPath();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { uploadLedger });
    await model.generate(withMedia(clip));
    const otherKey = createGeminiAdapter({
      apiKey: 'another-key',
      model: 'gemini-2.5-flash',
      baseUrl: emulator.baseUrl,
      uploadLedger,
    });
    await otherKey.generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(2);
    // No 403 was paid for: the other key never referenced the first key's file.
    expect(emulator.requests).toHaveLength(2);
    const unwritable = join(clip, 'ledger.jsonl');
    const noLedger = createGeminiAdapter({
      apiKey: testApiKey,
      model: 'gemini-2.5-flash',
      baseUrl: emulator.baseUrl,
      uploadLedger: unwritable,
    });
    const other = await writeMediaFile('other.wav', 61);
    expect((await noLedger.generate(withMedia(other))).text).toBe('ok');
  });
});
