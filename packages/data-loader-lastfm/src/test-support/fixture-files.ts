import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import BZip2 from 'bzip2-wasm';

/**
 * libbzip2 itself, as WebAssembly: fixtures are compressed the same with or without a
 * system `bzip2`, so the tests of the in-process decoder run where there is none.
 */
const bzip2 = new BZip2();
await bzip2.init();

const created: string[] = [];

/** A fresh directory under the OS temp dir; removed by `removeFixtureDirectories`. */
export async function createFixtureDirectory(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tp2dg-lastfm-'));
  created.push(dir);
  return dir;
}

export async function removeFixtureDirectories(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export type Compression = '' | '.gz' | '.bz2';

/** The bytes of `text`, compressed as a corpus ships it. */
export function compress(text: string, compression: Compression): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (compression === '.gz') return gzipSync(bytes);
  // bzip2 output outgrows incompressible input by at most 1% and 600 bytes (libbzip2's manual).
  if (compression === '.bz2')
    return Buffer.from(bzip2.compress(bytes, 9, Math.ceil(bytes.length * 1.01) + 600));
  return bytes;
}

/**
 * Writes a tab-separated table: rows of cells joined by tabs, lines ended by `\n` (the last
 * one too, unless `unterminated`). Returns the file's path (with the compression suffix).
 */
export async function writeTable(
  dir: string,
  fileName: string,
  rows: readonly (readonly (string | number)[])[],
  options: { compression?: Compression; unterminated?: boolean } = {},
): Promise<string> {
  const compression = options.compression ?? '';
  const lines = rows.map((row) => row.join('\t'));
  const text = lines.join('\n') + (options.unterminated || lines.length === 0 ? '' : '\n');
  const file = path.join(dir, fileName + compression);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, compress(text, compression));
  return file;
}

/** A value the test knows is there (a layout's optional table), without a non-null assertion. */
export function defined<Value>(value: Value | undefined, what: string): Value {
  if (value === undefined) throw new Error(`test setup: ${what} is undefined`);
  return value;
}
