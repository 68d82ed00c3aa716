import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clipSeconds } from './clip-seconds.js';

let corpus: string;

/** A PCM WAV of `seconds` at 8 kHz, 16-bit mono, with a LIST chunk of odd length before its data. */
function wav(seconds: number): Buffer {
  const byteRate = 8000 * 2;
  const chunk = (id: string, body: Buffer) => {
    const header = Buffer.alloc(8);
    header.write(id, 0, 'latin1');
    header.writeUInt32LE(body.length, 4);
    return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
  };
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(1, 2);
  fmt.writeUInt32LE(8000, 4);
  fmt.writeUInt32LE(byteRate, 8);
  fmt.writeUInt16LE(2, 12);
  fmt.writeUInt16LE(16, 14);
  const body = Buffer.concat([
    Buffer.from('WAVE', 'latin1'),
    chunk('fmt ', fmt),
    chunk('LIST', Buffer.from('INFOabc', 'latin1')),
    chunk('data', Buffer.alloc(seconds * byteRate)),
  ]);
  return chunk('RIFF', body);
}

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'tp2dg-dataset-clips-'));
  await writeFile(join(corpus, 'a.wav'), wav(3));
  await writeFile(join(corpus, 'fake.wav'), 'not a wav');
});
afterAll(() => rm(corpus, { recursive: true, force: true }));

const track = (audio_path: string | undefined, audio_mime_type?: string) => ({
  track_id: 't',
  title: 'T',
  artist: 'A',
  tags: [],
  ...(audio_path === undefined ? {} : { audio_path }),
  ...(audio_mime_type === undefined ? {} : { audio_mime_type }),
});

describe('clipSeconds', () => {
  it('should measure a WAV clip of the corpus from its header, past the chunks before its data', async () => {
    expect(await clipSeconds(track('a.wav'), corpus)).toBe(3);
    expect(await clipSeconds(track('a.wav', 'audio/wav'), corpus)).toBe(3);
  });

  it('should say null when it cannot know: no clip, another format, a moved corpus, a bad header', async () => {
    expect(await clipSeconds(track(undefined), corpus)).toBeNull();
    expect(await clipSeconds(track('a.wav', 'audio/mpeg'), corpus)).toBeNull();
    expect(await clipSeconds(track('a.wav'), undefined)).toBeNull();
    expect(await clipSeconds(track('missing.wav'), corpus)).toBeNull();
    expect(await clipSeconds(track('fake.wav'), corpus)).toBeNull();
  });
});
