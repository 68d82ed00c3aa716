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
import { findProgram } from './find-program.js';
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

  // The system bzip2 where it is installed, the in-process decoder where it is not: both must
  // read the same lines and refuse the same damage. A PATH of an empty folder has no bzip2.
  const decoders = [
    {
      name: 'the system bzip2',
      runnable: findProgram('bzip2') !== undefined,
      searchPath: async () => originalPath,
    },
    { name: 'no bzip2 on the PATH', runnable: true, searchPath: createFixtureDirectory },
  ];
  describe.each(decoders)('with $name', ({ runnable, searchPath }) => {
    const lines = Array.from(
      { length: 60_000 },
      (_, index) => `user-${index % 97}\ttrack-${index}\t${index * 7}`,
    );

    it.runIf(runnable)('should read every line, across bzip2 blocks and concatenated streams', async () => {
      const file = path.join(await createFixtureDirectory(), 'events.tsv.bz2');
      // Two whole streams one after the other, as parallel compressors (pbzip2) write a file;
      // 60,000 varied lines make several 900 kB blocks in the second.
      const first = compress('header\trow\n', '.bz2');
      await writeFile(file, Buffer.concat([first, compress(`${lines.join('\n')}\n`, '.bz2')]));
      process.env.PATH = await searchPath();
      const read = await readAll(file);
      expect(read.lines).toEqual(['header\trow', ...lines]);
    });

    it.runIf(runnable)('should fail on a truncated bzip2 stream, naming the file', async () => {
      const file = path.join(await createFixtureDirectory(), 'events.tsv.bz2');
      const whole = compress(lines.join('\n'), '.bz2');
      await writeFile(file, whole.subarray(0, whole.length - 100));
      process.env.PATH = await searchPath();
      const error = await failureOf(readAll(file));
      expect(Tp2dgError.isInstance(error) && error.code).toBe('INVALID_INPUT');
      expect(error.message.startsWith(`${file}: `)).toBe(true);
      expect(error.message).toContain('the file is damaged or truncated. Download it again.');
    });
  });

  it('should stop the in-process decoder, without an error, when its reader stops early', async () => {
    const file = path.join(await createFixtureDirectory(), 'events.tsv.bz2');
    const many = Array.from({ length: 300_000 }, (_, index) => `line ${index}`);
    await writeFile(file, compress(many.join('\n'), '.bz2'));
    process.env.PATH = await createFixtureDirectory();
    for await (const batch of readLineBatches(file)) {
      expect(batch.lines[0]).toBe('line 0');
      break;
    }
  });

  it('should name a missing file', async () => {
    const file = path.join(await createFixtureDirectory(), 'absent.tsv');
    expect((await failureOf(readAll(file))).message).toBe(`${file}: file not found.`);
  });
});
