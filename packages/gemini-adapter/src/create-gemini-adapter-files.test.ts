import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSnippetMaker } from '@tp2dg/audio-snippets';
import { ModelCallError, type ModelRequest } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { silentWav } from './quota/wav-bytes.js';
import { rejectionOf, startTestRig, temporaryFolder, writeMediaFile } from './test-helpers.js';
import { emulatedApiError } from './testing/emulated-api-error.js';

function withAudio(path: string, text = 'Listen to this'): ModelRequest {
  return {
    label: { agent: 'recsys', turn: 0, template: 'recsys-priming', attempt: 1 },
    messages: [
      {
        role: 'user',
        parts: [
          { kind: 'text', text },
          { kind: 'file', path, mimeType: 'audio/flac' },
        ],
      },
    ],
  };
}

describe('createGeminiAdapter file parts', () => {
  it('should upload a file once, poll until ACTIVE, and reference it by fileUri in later calls', async () => {
    const path = await writeMediaFile('clip.flac', 100);
    const { emulator, model, sleeps } = await startTestRig({
      respond: () => ({ text: 'ok' }),
      fileProcessingPolls: 2,
    });
    await model.generate(withAudio(path));
    await model.generate(withAudio(path, 'Again'));
    expect(emulator.uploads).toHaveLength(1);
    const [upload] = emulator.uploads;
    expect(upload).toMatchObject({ displayName: 'clip.flac', mimeType: 'audio/flac', sizeBytes: 100 });
    // Two PROCESSING answers, then ACTIVE; each poll waits the poll interval first.
    expect(emulator.fileGetCount).toBe(3);
    expect(sleeps).toEqual([1000, 1000, 1000]);
    for (const request of emulator.requests) {
      expect(request.body.contents[0]?.parts[1]).toEqual({
        fileData: { fileUri: upload?.uri, mimeType: 'audio/flac' },
      });
    }
  });

  it("should upload an audio clip's snippet in its place, under the clip's name, and images as they are", async () => {
    const clip = await writeMediaFile('clip.wav');
    await writeFile(clip, silentWav(30));
    const cover = await writeMediaFile('cover.png', 50);
    const audioSnippets = createSnippetMaker({
      settings: { seconds: 3, offset: 'middle' },
      cacheDir: join(await temporaryFolder(), 'snippets'),
    });
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { audioSnippets });
    const request = withAudio(clip);
    request.messages[0]?.parts.push({ kind: 'file', path: cover, mimeType: 'image/png' });
    await model.generate(request);
    await model.generate(withAudio(clip, 'Again'));
    expect(emulator.uploads).toHaveLength(2);
    const audio = emulator.uploads.find((upload) => upload.mimeType === 'audio/wav');
    // 3 s of 16 kHz mono 16-bit: 96,000 bytes of samples after the 44-byte header.
    expect(audio).toMatchObject({ displayName: 'clip.wav', sizeBytes: 96_044, audioSeconds: 3 });
    expect(audio?.bytes.readUInt32LE(24)).toBe(16_000);
    expect(emulator.uploads.find((upload) => upload.mimeType === 'image/png')).toMatchObject({
      displayName: 'cover.png',
      sizeBytes: 50,
    });
    expect(emulator.requests[0]?.body.contents[0]?.parts[1]).toEqual({
      fileData: { fileUri: audio?.uri, mimeType: 'audio/wav' },
    });
    // The request itself still names the clip: what call records and journals keep.
    expect(request.messages[0]?.parts[1]).toEqual({ kind: 'file', path: clip, mimeType: 'audio/flac' });
  });

  it('should share one upload between concurrent calls that use the same file', async () => {
    const path = await writeMediaFile('cover.png');
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) });
    const request: ModelRequest = {
      label: { agent: 'listener', turn: 1, template: 'listener-turn', attempt: 1 },
      messages: [{ role: 'user', parts: [{ kind: 'file', path, mimeType: 'image/png' }] }],
    };
    await Promise.all([model.generate(request), model.generate(request), model.generate(request)]);
    expect(emulator.uploads).toHaveLength(1);
    expect(emulator.requests).toHaveLength(3);
  });

  it('should upload again when the file changed on disk, once a second has passed', async () => {
    const path = await writeMediaFile('clip.flac', 10);
    let now = Date.now();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { now: () => now });
    await model.generate(withAudio(path));
    await writeFile(path, Buffer.alloc(20, 1));
    await model.generate(withAudio(path));
    // Files are looked at again at most once a second: within it, the first upload serves.
    expect(emulator.uploads.map((upload) => upload.sizeBytes)).toEqual([10]);
    now += 1000;
    await model.generate(withAudio(path));
    expect(emulator.uploads.map((upload) => upload.sizeBytes)).toEqual([10, 20]);
  });

  it('should re-upload once and retry when the service has forgotten a cached file', async () => {
    const path = await writeMediaFile('clip.flac');
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) });
    await model.generate(withAudio(path));
    emulator.expireFile(emulator.uploads[0]?.name ?? '');
    const result = await model.generate(withAudio(path));
    expect(result.text).toBe('ok');
    expect(result.retries).toEqual([
      expect.objectContaining({ operation: 'generate', status: 403, reason: 'http' }),
    ]);
    expect(emulator.uploads).toHaveLength(2);
    const lastFileUri = emulator.requests.at(-1)?.body.contents[0]?.parts[1]?.fileData;
    expect(lastFileUri).toEqual({ fileUri: emulator.uploads[1]?.uri, mimeType: 'audio/flac' });
  });

  it('should not re-upload on a 403 that is not about a file', async () => {
    const path = await writeMediaFile('clip.flac');
    const { emulator, model } = await startTestRig({
      respond: () => emulatedApiError(403, { message: 'Permission denied on this model.' }),
    });
    await expect(model.generate(withAudio(path))).rejects.toMatchObject({ status: 403, retryable: false });
    expect(emulator.uploads).toHaveLength(1);
    expect(emulator.requests).toHaveLength(1);
  });

  it('should re-upload a cached file that is about to expire', async () => {
    const path = await writeMediaFile('clip.flac');
    let clock = Date.now();
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) }, { now: () => clock });
    await model.generate(withAudio(path));
    clock += 47.5 * 3600 * 1000;
    await model.generate(withAudio(path));
    expect(emulator.uploads).toHaveLength(2);
  });

  it('should report a retried upload in the result of the call that started it', async () => {
    const path = await writeMediaFile('clip.wav');
    const { model } = await startTestRig({
      respond: () => ({ text: 'ok' }),
      respondToUploadStart: (upload) => (upload.index === 0 ? emulatedApiError(503) : undefined),
    });
    const result = await model.generate(withAudio(path));
    expect(result.retries).toEqual([expect.objectContaining({ operation: 'file', attempt: 1, status: 503 })]);
  });

  it('should fail without retry when the service cannot process the file', async () => {
    const path = await writeMediaFile('broken.flac');
    const { emulator, model } = await startTestRig({
      respond: () => ({ text: 'ok' }),
      fileProcessingPolls: 1,
      fileFinalState: 'FAILED',
    });
    const error = await rejectionOf(model.generate(withAudio(path)));
    expect(ModelCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: null, retryable: false });
    expect(error.message).toContain('broken.flac');
    expect(emulator.requests).toHaveLength(0);
  });

  it('should retry a failed upload start, and not cache a failed upload', async () => {
    const path = await writeMediaFile('clip.flac');
    const { emulator, model, retries } = await startTestRig({
      respond: () => ({ text: 'ok' }),
      respondToUploadStart: (upload) =>
        upload.index === 0 ? emulatedApiError(503) : upload.index === 1 ? emulatedApiError(400) : undefined,
    });
    await expect(model.generate(withAudio(path))).rejects.toMatchObject({ status: 400 });
    expect(retries).toEqual([expect.objectContaining({ operation: 'file', status: 503 })]);
    await model.generate(withAudio(path));
    expect(emulator.uploads).toHaveLength(1);
    expect(emulator.requests).toHaveLength(1);
  });

  it('should fail with MEDIA_NOT_FOUND for a missing file', async () => {
    const { emulator, model } = await startTestRig({ respond: () => ({ text: 'ok' }) });
    const error = await rejectionOf(model.generate(withAudio('/nonexistent/tp2dg/clip.flac')));
    expect(error).toMatchObject({ code: 'MEDIA_NOT_FOUND' });
    expect(error.message).toContain('/nonexistent/tp2dg/clip.flac');
    expect(emulator.requests).toHaveLength(0);
  });

  it('should stop waiting for an upload when the caller aborts', async () => {
    const path = await writeMediaFile('clip.flac');
    const { model } = await startTestRig({
      respond: () => ({ text: 'ok' }),
      respondToUploadStart: () => ({ hang: true }),
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const error = await rejectionOf(model.generate({ ...withAudio(path), signal: controller.signal }));
    expect(error).toMatchObject({ code: 'ABORTED' });
  });
});
