import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  type Compression,
  compress,
  createFixtureDirectory,
  removeFixtureDirectories,
} from '../test-support/fixture-files.js';
import { failureOf } from '../test-support/read-loader.js';
import { readLineBatches } from './read-line-batches.js';

afterAll(removeFixtureDirectories);

async function readAll(file: string) {
  const lines: string[] = [];
  const starts: number[] = [];
  for await (const batch of readLineBatches(file)) {
    starts.push(batch.firstLine);
    lines.push(...batch.lines);
  }
  return { lines, starts };
}

const text = 'a\tb\r\nśpiewa\t"quoted"\n\nlast line without end';

describe('readLineBatches', () => {
  const originalPath = process.env.PATH;
  afterEach(() => {
    process.env.PATH = originalPath;
  });

  it.each<Compression>(['', '.gz', '.bz2'])(
    'should read the same lines from a plain, gzip or bzip2 file (%s)',
    async (compression) => {
      const file = path.join(await createFixtureDirectory(), `events.tsv${compression}`);
      await writeFile(file, compress(text, compression));
      const { lines, starts } = await readAll(file);
      expect(lines).toEqual(['a\tb', 'śpiewa\t"quoted"', '', 'last line without end']);
      expect(starts[0]).toBe(1);
    },
  );

  it('should number lines across chunks', async () => {
    const file = path.join(await createFixtureDirectory(), 'many.tsv');
    const many = Array.from({ length: 300_000 }, (_, index) => `line ${index}`);
    await writeFile(file, `${many.join('\n')}\n`);
    const batches = [];
    for await (const batch of readLineBatches(file)) batches.push(batch);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expect(batch.lines[0]).toBe(`line ${batch.firstLine - 1}`);
  });

  it('should fail on a truncated gzip stream, naming the file and the lines read', async () => {
    const file = path.join(await createFixtureDirectory(), 'events.tsv.gz');
    const whole = compress(Array.from({ length: 5000 }, (_, index) => `u\tt${index}`).join('\n'), '.gz');
    await writeFile(file, whole.subarray(0, whole.length - 200));
    const error = await failureOf(readAll(file));
    expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      new RegExp(`^${file}: the gzip stream is damaged or truncated after line \\d+`),
    );
  });

  it('should fail on a truncated bzip2 stream, naming the file', async () => {
    const file = path.join(await createFixtureDirectory(), 'events.tsv.bz2');
    const whole = compress(Array.from({ length: 5000 }, (_, index) => `u\tt${index}`).join('\n'), '.bz2');
    await writeFile(file, whole.subarray(0, whole.length - 100));
    const error = await failureOf(readAll(file));
    expect(error.message).toContain(`${file}: bzip2 failed (exit 2`);
    expect(error.message).toContain('damaged or truncated');
  });

  it('should say how to get bzip2 when it is not installed', async () => {
    const dir = await createFixtureDirectory();
    const file = path.join(dir, 'events.tsv.bz2');
    await writeFile(file, compress(text, '.bz2'));
    process.env.PATH = dir;
    const error = await failureOf(readAll(file));
    expect(error.message).toBe(
      `${file}: the bzip2 program was not found. Install bzip2 (e.g. apt-get install bzip2) or recompress the file with gzip.`,
    );
  });

  it('should name a missing file', async () => {
    const file = path.join(await createFixtureDirectory(), 'absent.tsv');
    expect((await failureOf(readAll(file))).message).toBe(`${file}: file not found.`);
  });
});
