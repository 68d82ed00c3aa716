import { readFileSync } from 'node:fs';
import { appendFile, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { createGeminiAdapter } from './create-gemini-adapter.js';
import { rejectionOf, startTestRig, temporaryFolder, testApiKey, writeMediaFile } from './test-helpers.js';
import { filePartsOf } from './testing/wire-request.js';

function withMedia(...paths: string[]): ModelRequest {
  const files = paths.map((path) => ({ kind: 'file' as const, path, mimeType: 'audio/wav' }));
  return {
    label: { agent: 'recsys', turn: 0, template: 'recsys-priming', attempt: 1 },
    messages: [{ role: 'user', parts: [{ kind: 'text', text: 'The pool' }, ...files] }],
  };
}

const ledgerPath = async () => join(await temporaryFolder(), 'gemini-uploads.jsonl');

/** The ledger's lines, each parsed on its own; a line that is not JSON is kept as its text. */
async function ledgerLines(path: string): Promise<unknown[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      try {
        return JSON.parse(line);
      } catch {
        return line;
      }
    });
}

describe('uploads across calls and runs', () => {
  it('should upload the same content under two paths once', async () => {
    const first = await writeMediaFile('a.wav', 80);
    const second = join(await temporaryFolder(), 'b.wav');
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
        model: 'gemini-3.5-flash-lite',
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
      model: 'gemini-3.5-flash-lite',
      baseUrl: emulator.baseUrl,
      uploadLedger,
    });
    await nextRun.generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(2);
  });

  it('should not reuse uploads another key made', async () => {
    const clip = await writeMediaFile('clip.wav', 60);
    const uploadLedger = await ledgerPath();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { uploadLedger });
    await model.generate(withMedia(clip));
    const otherKey = createGeminiAdapter({
      apiKey: 'another-key',
      model: 'gemini-3.5-flash-lite',
      baseUrl: emulator.baseUrl,
      uploadLedger,
    });
    await otherKey.generate(withMedia(clip));
    expect(emulator.uploads).toHaveLength(2);
    // No 403 was paid for: the other key never referenced the first key's file.
    expect(emulator.requests).toHaveLength(2);
  });

  it('should have every upload in the ledger before a call uses its file', async () => {
    const clips = await Promise.all([1, 2, 3, 4, 5].map((n) => writeMediaFile(`clip${n}.wav`, 50 + n)));
    const uploadLedger = await ledgerPath();
    const unrecordedAtUse: string[] = [];
    const { emulator, model } = await startTestRig(
      {
        // Uploads finish at different moments, as over a network.
        uploadLatencyMs: { meanMs: 20, jitterMs: 15 },
        respond: (request) => {
          const ledger = readFileSync(uploadLedger, 'utf8');
          for (const part of filePartsOf(request.body.contents)) {
            if (!ledger.includes(part.fileUri)) unrecordedAtUse.push(part.fileUri);
          }
          return { text: 'ok' };
        },
      },
      { uploadLedger },
    );
    await Promise.all([model.generate(withMedia(...clips)), model.generate(withMedia(clips[0] as string))]);
    expect(emulator.uploads).toHaveLength(5);
    expect(emulator.requests).toHaveLength(2);
    expect(unrecordedAtUse).toEqual([]);
  });

  it('should skip a torn last line with a warning, and record the next upload on a fresh line', async () => {
    const clip = await writeMediaFile('clip.wav', 55);
    const uploadLedger = await ledgerPath();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { uploadLedger });
    await model.generate(withMedia(clip));
    const torn = '{"key":"[\\"abc\\",\\"audio/wav\\"]","account":"0f';
    await appendFile(uploadLedger, torn);

    const warnings: string[] = [];
    const other = await writeMediaFile('other.wav', 56);
    const nextRun = createGeminiAdapter({
      apiKey: testApiKey,
      model: 'gemini-3.5-flash-lite',
      baseUrl: emulator.baseUrl,
      uploadLedger,
      onWarning: (message) => warnings.push(message),
    });
    await nextRun.generate(withMedia(clip, other));
    // The whole line before it is still reused; only the new clip is uploaded.
    expect(emulator.uploads.map((upload) => upload.displayName)).toEqual(['clip.wav', 'other.wav']);
    expect(warnings).toEqual([
      `${uploadLedger}:2 was cut short (a kill or a full disk during its write) and is skipped: the upload it recorded is made again when needed.`,
    ]);
    const lines = await ledgerLines(uploadLedger);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(torn);
    expect(lines[2]).toMatchObject({ file: { name: emulator.uploads[1]?.name } });
  });

  it('should fail the call with an OUTPUT_WRITE error naming the ledger when it cannot be written', async () => {
    const uploadLedger = await ledgerPath();
    // A folder where the ledger file should be.
    await mkdir(uploadLedger);
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { uploadLedger });
    const error = await rejectionOf(model.generate(withMedia(await writeMediaFile('clip.wav', 61))));
    expect(error).toMatchObject({ code: 'OUTPUT_WRITE' });
    expect(error.message).toContain(`${uploadLedger}: a folder stands where this file should be (EISDIR)`);
    // Uploaded, but never used unrecorded.
    expect(emulator.uploads).toHaveLength(1);
    expect(emulator.requests).toHaveLength(0);
  });
});
