import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AudioSnippetError } from './audio-snippet-error.js';
import { type AudioDecoder, decodeAudio } from './decode-audio.js';
import { encodePcm16Wav } from './encode-wav.js';
import { createSnippetMaker } from './snippet-maker.js';
import type { SnippetSettings } from './snippet-settings.js';
import { zeroCrossingFrequency } from './testing/tones.js';

const THREE_SECONDS: SnippetSettings = { seconds: 3, offset: 'middle' };

/** 30 s of stereo 44.1 kHz, 1 kHz on the left, silence on the right: a Music4All-length clip. */
function thirtySecondClip(): Buffer {
  const left = new Float32Array(30 * 44_100).map(
    (_, index) => 0.5 * Math.sin((2 * Math.PI * 1000 * index) / 44_100),
  );
  return encodePcm16Wav([left, new Float32Array(left.length)], 44_100);
}

describe('createSnippetMaker', () => {
  let folder: string;
  let clip: string;
  let decodes: string[];
  const countingDecoder: AudioDecoder = (bytes, path) => {
    decodes.push(path);
    return decodeAudio(bytes, path);
  };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tp2dg-snippets-'));
    clip = join(folder, 'clip.wav');
    await writeFile(clip, thirtySecondClip());
    decodes = [];
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const maker = (settings = THREE_SECONDS) =>
    createSnippetMaker({ settings, cacheDir: join(folder, 'snippets'), decode: countingDecoder });

  it('should cut a 30 s stereo clip into a 3 s 16 kHz mono 16-bit WAV of 96,044 bytes', async () => {
    const snippet = await maker().snippetOf(clip);
    expect(snippet.mimeType).toBe('audio/wav');
    const wav = await readFile(snippet.path);
    // 3 s x 16,000 samples x 2 bytes, after the 44-byte header.
    expect(wav.length).toBe(44 + 3 * 16_000 * 2);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(16_000);
    expect(wav.readUInt16LE(34)).toBe(16);
    const samples = (await decodeAudio(wav, snippet.path)).channelData[0] as Float32Array;
    expect(zeroCrossingFrequency(samples, 16_000)).toBeCloseTo(1000, 0);
    // The left channel's 0.5 averaged with the silent right one.
    expect(Math.max(...samples)).toBeCloseTo(0.25, 2);
  });

  it('should cut each clip once, share a cut in progress, and reuse the cache in a later run', async () => {
    const first = maker();
    const [one, two] = await Promise.all([first.snippetOf(clip), first.snippetOf(clip)]);
    expect(one.path).toBe(two.path);
    expect(decodes).toEqual([clip]);

    const later = await maker().snippetOf(clip);
    expect(later.path).toBe(one.path);
    expect(decodes).toEqual([clip]);
    // Written whole: the snippet and nothing beside it.
    expect(await readdir(join(folder, 'snippets'))).toEqual([`${later.path.split('/').at(-1)}`]);
  });

  it('should cut again for other settings, or when the clip changes in place', async () => {
    const settings = await maker().snippetOf(clip);
    const start = await maker({ seconds: 3, offset: 'start' }).snippetOf(clip);
    expect(start.path).not.toBe(settings.path);
    const longer = await maker({ seconds: 5, offset: 'middle' }).snippetOf(clip);
    expect((await readFile(longer.path)).length).toBe(44 + 5 * 16_000 * 2);
    expect(decodes).toHaveLength(3);

    const same = maker();
    await same.snippetOf(clip);
    await writeFile(clip, encodePcm16Wav([new Float32Array(44_100).fill(0.1)], 44_100));
    const changed = await same.snippetOf(clip);
    expect(changed.path).not.toBe(settings.path);
    expect((await readFile(changed.path)).length).toBe(44 + 16_000 * 2);
    expect(decodes).toHaveLength(4);
  });

  it('should refuse an undecodable clip naming it, cache nothing, and try again once it is fixed', async () => {
    const broken = join(folder, 'broken.flac');
    await writeFile(broken, Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(4000)]));
    const snippets = maker();
    const refusal = await snippets.snippetOf(broken).catch((error: unknown) => error);
    expect(AudioSnippetError.isInstance(refusal)).toBe(true);
    expect((refusal as AudioSnippetError).path).toBe(broken);
    expect(await readdir(folder)).not.toContain('snippets');

    await writeFile(broken, thirtySecondClip());
    expect((await snippets.snippetOf(broken)).mimeType).toBe('audio/wav');
  });
});
