import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { heardDurationReader, MediaDurations, readAudioDuration } from './media-durations.js';
import { silentWav } from './wav-bytes.js';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function writeTemporary(name: string, bytes: Buffer): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-durations-'));
  folders.push(folder);
  const path = join(folder, name);
  await writeFile(path, bytes);
  return path;
}

describe('MediaDurations', () => {
  it('should read a WAV duration from its header', async () => {
    const path = await writeTemporary('clip.wav', silentWav(2.5));
    expect(await readAudioDuration(path)).toBeCloseTo(2.5, 3);
  });

  it('should read a file as the type it is sent as, whatever its name says', async () => {
    const path = await writeTemporary('clip.mp3', silentWav(1.5));
    expect(await readAudioDuration(path)).toBeNaN();
    expect(await readAudioDuration(path, 'audio/wav')).toBeCloseTo(1.5, 3);
  });

  it('should read each file once, however often it is asked', async () => {
    const reads: string[] = [];
    const durations = new MediaDurations(async (path) => {
      reads.push(path);
      return 3;
    });
    const answers = await Promise.all([
      durations.of('/m/a.wav'),
      durations.of('/m/a.wav'),
      durations.of('/m/b.wav'),
    ]);
    expect(answers).toEqual([3, 3, 3]);
    expect(await durations.of('/m/a.wav')).toBe(3);
    expect(reads).toEqual(['/m/a.wav', '/m/b.wav']);
  });

  it('should fail with the path and the fix when the header cannot be read, and read again later', async () => {
    const path = await writeTemporary('noise.wav', Buffer.alloc(64, 7));
    const durations = new MediaDurations();
    const error = await durations.of(path).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('run without --tpm');
    await writeFile(path, silentWav(1));
    expect(await durations.of(path)).toBeCloseTo(1, 3);
  });

  it('should count what the model hears: the snippet of a clip when snippets are cut', async () => {
    const thirty = await writeTemporary('long.wav', silentWav(30));
    const short = await writeTemporary('short.wav', silentWav(2));
    const heard = new MediaDurations(heardDurationReader({ seconds: 3, offset: 'middle' }));
    expect(await heard.of(thirty)).toBe(3);
    expect(await heard.of(short)).toBeCloseTo(2, 3);
    expect(await new MediaDurations(heardDurationReader(undefined)).of(thirty)).toBeCloseTo(30, 3);
  });
});
