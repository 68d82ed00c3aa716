import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelMessage } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { RECHECK_MS } from './content-hash.js';
import { FileUploadCache } from './file-upload-cache.js';
import { MessageContents } from './message-contents.js';
import { UploadLedger } from './upload-ledger.js';

const HOUR = 60 * 60 * 1000;

/** A cache whose uploads expire `lifetimeMs` after they are made, on a clock the test moves. */
async function setUp(lifetimeMs = 48 * HOUR) {
  const clock = { now: 1_000_000 };
  let uploads = 0;
  const cache = new FileUploadCache(
    async (_path, mimeType) => {
      uploads += 1;
      return {
        name: `files/f${uploads}`,
        uri: `uri-${uploads}`,
        mimeType,
        expiresAt: clock.now + lifetimeMs,
      };
    },
    () => clock.now,
    UploadLedger.open(undefined, 'account'),
  );
  const contents = new MessageContents(cache, () => clock.now);
  const dir = await mkdtemp(join(tmpdir(), 'tp2dg-contents-'));
  const clip = join(dir, 'clip.mp3');
  await writeFile(clip, 'audio');
  const message: ModelMessage = {
    role: 'user',
    parts: [
      { kind: 'text', text: 'listen' },
      { kind: 'file', path: clip, mimeType: 'audio/mpeg' },
    ],
  };
  let resolved = 0;
  const convert = async () => {
    const used: Parameters<typeof contents.of>[2] = [];
    const result = await contents.of(
      [message],
      (path, mimeType) => {
        resolved += 1;
        return cache.resolve(path, mimeType);
      },
      used,
    );
    return { result, used };
  };
  return { clock, cache, convert, resolvedCount: () => resolved, uploadCount: () => uploads };
}

describe('MessageContents', () => {
  it('should convert a message once, then reuse it within the recheck interval', async () => {
    const { clock, convert, resolvedCount } = await setUp();
    const first = await convert();
    clock.now += RECHECK_MS - 1;
    const second = await convert();
    expect(resolvedCount()).toBe(1);
    expect(second.result).toEqual(first.result);
    expect(first.result[0]?.parts?.[1]).toEqual({ fileData: { fileUri: 'uri-1', mimeType: 'audio/mpeg' } });
    expect(second.used.map((file) => file.file.uri)).toEqual(['uri-1']);
  });

  it('should look its files up again once the recheck interval has passed', async () => {
    const { clock, convert, resolvedCount, uploadCount } = await setUp();
    await convert();
    clock.now += RECHECK_MS;
    await convert();
    expect([resolvedCount(), uploadCount()]).toEqual([2, 1]);
  });

  it('should convert again after an upload was dropped', async () => {
    const { cache, convert, uploadCount } = await setUp();
    const { used } = await convert();
    cache.forget(used);
    const again = await convert();
    expect(uploadCount()).toBe(2);
    expect(again.result[0]?.parts?.[1]).toEqual({ fileData: { fileUri: 'uri-2', mimeType: 'audio/mpeg' } });
  });

  it('should upload again a file that nears its expiry, even within the recheck interval', async () => {
    const { clock, convert, uploadCount } = await setUp(HOUR + 100);
    await convert();
    clock.now += 200;
    const again = await convert();
    expect(uploadCount()).toBe(2);
    expect(again.used.map((file) => file.file.uri)).toEqual(['uri-2']);
  });
});
