import { createHash } from 'node:crypto';
import { mkdtemp, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentHashes } from './content-hash.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('ContentHashes', () => {
  it('should hash a file once, share the hash of equal files, and see an edit after a second', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tp2dg-hash-'));
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

  it('should name the file and the fix when it cannot be read', async () => {
    await expect(new ContentHashes().of('/no/such/clip.wav')).rejects.toMatchObject({
      code: 'MEDIA_NOT_FOUND',
      message: expect.stringContaining('/no/such/clip.wav'),
    });
  });
});
