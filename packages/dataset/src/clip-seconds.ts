import { open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Track } from '@tp2dg/entities';

/**
 * A track's clip length in seconds when it can be known without decoding: a WAV clip of the
 * corpus, still where the run read it, measured from its header (data size over byte rate).
 * Null otherwise (another format, the corpus moved, a header it cannot read): the tracks
 * table says what it knows, never a guess.
 */
export async function clipSeconds(track: Track, corpusDirectory: string | undefined): Promise<number | null> {
  const path = track.audio_path;
  if (path === undefined || corpusDirectory === undefined) return null;
  const isWav =
    track.audio_mime_type === undefined ? /\.wav$/i.test(path) : /wav/i.test(track.audio_mime_type);
  if (!isWav) return null;
  const file = await open(isAbsolute(path) ? path : join(corpusDirectory, path)).catch(() => undefined);
  if (file === undefined) return null;
  try {
    return await wavSeconds(file);
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

type FileHandle = Awaited<ReturnType<typeof open>>;

/** Walks the RIFF chunks to `fmt ` and `data`; only their headers are read. */
async function wavSeconds(file: FileHandle): Promise<number | null> {
  const { size } = await file.stat();
  const read = async (position: number, length: number) => {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  };
  const riff = await read(0, 12);
  if (riff.toString('latin1', 0, 4) !== 'RIFF' || riff.toString('latin1', 8, 12) !== 'WAVE') return null;
  let byteRate: number | undefined;
  for (let offset = 12; offset + 8 <= size; ) {
    const header = await read(offset, 8);
    const id = header.toString('latin1', 0, 4);
    const length = header.readUInt32LE(4);
    if (id === 'fmt ') byteRate = (await read(offset + 8, 16)).readUInt32LE(8);
    if (id === 'data') return byteRate === undefined || byteRate === 0 ? null : length / byteRate;
    // Chunks are padded to an even length.
    offset += 8 + length + (length % 2);
  }
  return null;
}
