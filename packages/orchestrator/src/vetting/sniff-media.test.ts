import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeMp3Frames } from '@tp2dg/data-loaders/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DUMMY_DATA_DIR } from '../testing/dummy-fixtures.js';
import { sniffMedia } from './sniff-media.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tp2dg-sniff-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function fileWith(name: string, content: Buffer | string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('sniffMedia', () => {
  it('should name the format from the content, whatever the name says', async () => {
    const wav = join(folder, 'clip.wav');
    await copyFile(join(DUMMY_DATA_DIR, 'audio', 't001.wav'), wav);
    const png = join(folder, 'cover.jpg');
    await copyFile(join(DUMMY_DATA_DIR, 'images', 't001.png'), png);
    const mp3 = await fileWith('song.wav', encodeMp3Frames(4));
    expect(await sniffMedia(wav)).toEqual({
      isFile: true,
      size: 48044,
      format: { ext: 'wav', mime: 'audio/wav' },
    });
    expect((await sniffMedia(png)).format).toEqual({ ext: 'png', mime: 'image/png' });
    expect((await sniffMedia(mp3)).format).toEqual({ ext: 'mp3', mime: 'audio/mpeg' });
  });

  it('should find no format in text or in an empty file', async () => {
    const text = await fileWith('notes.wav', 'These are liner notes, not audio.\n'.repeat(200));
    const empty = await fileWith('empty.wav', '');
    expect(await sniffMedia(text)).toMatchObject({ isFile: true, format: undefined });
    expect(await sniffMedia(empty)).toEqual({ isFile: true, size: 0, format: undefined });
  });

  it('should read only the head of a large file', async () => {
    // 5 GiB, sparse: more than a Buffer may hold, so reading it whole would fail.
    const huge = join(folder, 'huge.png');
    await copyFile(join(DUMMY_DATA_DIR, 'images', 't001.png'), huge);
    await truncate(huge, 5 * 1024 ** 3);
    const started = performance.now();
    expect(await sniffMedia(huge)).toEqual({
      isFile: true,
      size: 5 * 1024 ** 3,
      format: { ext: 'png', mime: 'image/png' },
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('should open no directory or FIFO, and throw what the file system says of a missing file', async () => {
    const directory = join(folder, 'a-folder.wav');
    await mkdir(directory);
    expect(await sniffMedia(directory)).toMatchObject({ isFile: false, format: undefined });
    const fifo = join(folder, 'pipe.wav');
    execFileSync('mkfifo', [fifo]);
    // Opening it would wait for a writer forever.
    expect(await sniffMedia(fifo)).toMatchObject({ isFile: false, format: undefined });
    await expect(sniffMedia(join(folder, 'missing.wav'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
