import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeWav } from '@tp2dg/data-loaders/test';

const created: string[] = [];

/** A fresh corpus directory under the OS temp dir; removed by `removeFixtures`. */
export async function createFixtureDirectory(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'tp2dg-jsonl-'));
  created.push(root);
  const dataDir = path.join(root, 'corpus');
  await mkdir(dataDir);
  return dataDir;
}

export async function removeFixtures(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export const header = (extra: Record<string, unknown> = {}) => ({
  format: 'tp2dg-sessions',
  version: 1,
  ...extra,
});

/** Writes lines as given: objects become JSON, strings are written raw (for broken lines). */
export async function writeLines(
  dataDir: string,
  fileName: string,
  lines: ReadonlyArray<unknown>,
  { finalNewline = true } = {},
): Promise<string> {
  const text = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
  const content = finalNewline ? `${text}\n` : text;
  const filePath = path.join(dataDir, fileName);
  await writeFile(filePath, fileName.endsWith('.gz') ? gzipSync(content) : content);
  return filePath;
}

export const user = (userId: string) => ({ user_id: userId, age_group: '20s', gender: null, country: 'BR' });

export const track = (trackId: string, extra: Record<string, unknown> = {}) => ({
  track_id: trackId,
  title: `Song ${trackId}`,
  artist: `Artist ${trackId}`,
  ...extra,
});

/** A session line with inline tracks t<first>..t<first+count-1>. */
export const inlineSession = (sessionId: string, userId: string, trackIds: string[]) => ({
  session_id: sessionId,
  user: user(userId),
  tracks: trackIds.map((trackId) => track(trackId)),
});

export const ids = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);

/** A real 0.1 s WAV clip at `audio/<name>` in the corpus. */
export async function writeClip(dataDir: string, name: string): Promise<void> {
  await mkdir(path.join(dataDir, 'audio'), { recursive: true });
  const samples = new Float32Array(800).map((_, index) => Math.sin(index / 4) * 0.3);
  await writeFile(path.join(dataDir, 'audio', name), encodeWav({ sampleRate: 8000, samples }));
}
