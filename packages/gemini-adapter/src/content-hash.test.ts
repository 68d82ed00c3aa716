import { createHash } from 'node:crypto';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentHashes } from './content-hash.js';
import { MediaHashFile } from './media-hash-file.js';
import { temporaryFolder } from './test-helpers.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A whole-millisecond mtime, which `utimes` can put back exactly. */
const MODIFIED = new Date('2026-01-02T03:04:05.678Z');

/** Writes `content` to `file` with the modification time `modified`. */
async function writeAt(file: string, content: string, modified = MODIFIED): Promise<void> {
  await writeFile(file, content);
  await utimes(file, modified, modified);
}

/** What a new process sees: fresh hashes over the hash file an earlier one left. */
const newProcess = (hashFile: string) => new ContentHashes(() => 0, MediaHashFile.open(hashFile));

describe('ContentHashes', () => {
  it('should hash a file once, share the hash of equal files, and see an edit after a second', async () => {
    const folder = await temporaryFolder();
    const [clip, copy] = [join(folder, 'clip.wav'), join(folder, 'copy.wav')];
    await writeFile(clip, 'first');
    await writeFile(copy, 'first');
    let now = 0;
    const hashes = new ContentHashes(() => now);
    expect(await hashes.of(clip)).toBe(sha256('first'));
    expect(await hashes.of(copy)).toBe(sha256('first'));

    await writeFile(clip, 'second, longer');
    await utimes(clip, new Date(), new Date(Date.now() + 5000));
    now = 500;
    // Looked at less than a second ago: trusted as it was.
    expect(await hashes.of(clip)).toBe(sha256('first'));
    now = 1500;
    expect(await hashes.of(clip)).toBe(sha256('second, longer'));
  });

  it('should not read an unchanged file again in a new process, taking the hash it recorded', async () => {
    const folder = await temporaryFolder();
    const [clip, hashFile] = [join(folder, 'clip.wav'), join(folder, 'gemini-media-hashes.jsonl')];
    await writeAt(clip, 'first');
    expect(await newProcess(hashFile).of(clip)).toBe(sha256('first'));
    // Other bytes behind the same size and mtime: only a read could see them, and none happens.
    await writeAt(clip, 'fifth');
    expect(await newProcess(hashFile).of(clip)).toBe(sha256('first'));
    expect((await readFile(hashFile, 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('should hash a file again in a new process when its mtime or its size changed', async () => {
    const folder = await temporaryFolder();
    const [clip, hashFile] = [join(folder, 'clip.wav'), join(folder, 'gemini-media-hashes.jsonl')];
    await writeAt(clip, 'first');
    expect(await newProcess(hashFile).of(clip)).toBe(sha256('first'));
    await writeAt(clip, 'fifth', new Date(MODIFIED.getTime() + 1));
    expect(await newProcess(hashFile).of(clip)).toBe(sha256('fifth'));
    await writeAt(clip, 'a longer one', new Date(MODIFIED.getTime() + 1));
    expect(await newProcess(hashFile).of(clip)).toBe(sha256('a longer one'));
    // Each new hash appended; the latest line is the one a later process uses.
    expect((await readFile(hashFile, 'utf8')).trim().split('\n')).toHaveLength(3);
    expect(await newProcess(hashFile).of(clip)).toBe(sha256('a longer one'));
  });

  it('should skip a hash line cut short and say so, hashing that file again', async () => {
    const folder = await temporaryFolder();
    const [clip, hashFile] = [join(folder, 'clip.wav'), join(folder, 'gemini-media-hashes.jsonl')];
    await writeAt(clip, 'first');
    await writeFile(
      hashFile,
      `{"path": ${JSON.stringify(clip)}, "size": 5, "mtime_ms": ${MODIFIED.getTime()}, "sha`,
    );
    const opened = await MediaHashFile.open(hashFile);
    expect(opened.torn?.line).toBe(1);
    expect(await new ContentHashes(() => 0, Promise.resolve(opened)).of(clip)).toBe(sha256('first'));
  });

  it('should name the file and the fix when it cannot be read', async () => {
    await expect(new ContentHashes().of('/no/such/clip.wav')).rejects.toMatchObject({
      code: 'MEDIA_NOT_FOUND',
      message: expect.stringContaining('/no/such/clip.wav'),
    });
  });
});
