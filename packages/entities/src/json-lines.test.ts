import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Tp2dgError } from './errors.js';
import {
  appendJsonLine,
  describeTornLine,
  JsonLinesAppender,
  readJsonLines,
  replaceJsonLines,
} from './json-lines.js';

interface Entry {
  n: number;
}
const parseEntry = (value: unknown): Entry | undefined =>
  typeof (value as Entry | undefined)?.n === 'number' ? (value as Entry) : undefined;

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tp2dg-json-lines-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

/** Every line of the file parsed on its own, as any JSON-lines reader would. */
async function parseEveryLine(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line));
}

describe('readJsonLines', () => {
  it('should read nothing from an absent file', async () => {
    expect(await readJsonLines(join(folder, 'none.jsonl'), parseEntry)).toEqual({
      records: [],
      torn: undefined,
    });
  });

  it('should skip a torn last line and report it, and skip lines that are not records', async () => {
    const file = join(folder, 'torn.jsonl');
    await writeFile(file, '{"n":1}\nnot json\n{"other":2}\n{"n":3}\n{"n":4,"te');
    const read = await readJsonLines(file, parseEntry);
    expect(read.records).toEqual([{ n: 1 }, { n: 3 }]);
    expect(read.torn).toEqual({ file, line: 5, text: '{"n":4,"te' });
    expect(describeTornLine(read.torn as NonNullable<typeof read.torn>, 'asked again')).toBe(
      `${file}:5 was cut short (a kill or a full disk during its write) and is skipped: asked again.`,
    );
  });

  it('should keep a whole last record that only lacks its newline', async () => {
    const file = join(folder, 'whole.jsonl');
    await writeFile(file, '{"n":1}\n{"n":2}');
    expect(await readJsonLines(file, parseEntry)).toEqual({ records: [{ n: 1 }, { n: 2 }], torn: undefined });
  });

  it('should report a file it cannot read as an OUTPUT_WRITE error naming it', async () => {
    const error = await readJsonLines(folder, parseEntry).catch((caught: unknown) => caught);
    expect(Tp2dgError.isInstance(error) && error.code).toBe('OUTPUT_WRITE');
    expect((error as Error).message).toContain(
      `${folder}: a folder stands where this file should be (EISDIR)`,
    );
  });
});

describe('JsonLinesAppender', () => {
  it('should append whole lines, creating the folder, and keep appending after a reopen', async () => {
    const file = join(folder, 'nested', 'entries.jsonl');
    const appender = new JsonLinesAppender(file);
    appender.append({ n: 1 });
    appender.append({ n: 2 });
    appender.close();
    appendJsonLine(file, { n: 3 });
    expect(await parseEveryLine(file)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('should write DEL and C1 controls as escapes, which JSON lets through, keeping the value', async () => {
    const file = join(folder, 'entries.jsonl');
    const value = { n: 1, title: 'a\u009b31mb\u007f' };
    appendJsonLine(file, value);
    const text = await readFile(file, 'utf8');
    expect(text).toBe('{"n":1,"title":"a\\u009b31mb\\u007f"}\n');
    expect(await parseEveryLine(file)).toEqual([value]);
  });

  it('should start a fresh line after a torn one, so the file parses line by line without it', async () => {
    const file = join(folder, 'torn.jsonl');
    await writeFile(file, '{"n":1}\n{"n":2,"te');
    const appender = new JsonLinesAppender(file);
    appender.append({ n: 3 });
    // Torn by another writer while this one keeps the file open.
    await appendFile(file, '{"n":4,');
    appender.append({ n: 5 });
    appender.close();
    appendJsonLine(file, { n: 6 });
    const read = await readJsonLines(file, parseEntry);
    expect(read).toEqual({ records: [{ n: 1 }, { n: 3 }, { n: 5 }, { n: 6 }], torn: undefined });
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toEqual(['{"n":1}', '{"n":2,"te', '{"n":3}', '{"n":4,', '{"n":5}', '{"n":6}', '']);
  });

  it('should end a whole last record that lacks its newline before appending', async () => {
    const file = join(folder, 'whole.jsonl');
    await writeFile(file, '{"n":1}');
    appendJsonLine(file, { n: 2 });
    expect(await parseEveryLine(file)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('should report a full disk as an OUTPUT_WRITE error naming the file and the fix', () => {
    // Linux's /dev/full answers every write with ENOSPC, as a full disk does.
    const append = () => appendJsonLine('/dev/full', { n: 1 });
    expect(append).toThrowError(
      '/dev/full: the disk is full (ENOSPC). Free some space, or pass another --output-dir;',
    );
    expect(() => append()).toThrowError(expect.objectContaining({ code: 'OUTPUT_WRITE' }));
  });

  it('should report a folder it cannot create as an OUTPUT_WRITE error naming the file', async () => {
    const blocker = join(folder, 'a-file');
    await writeFile(blocker, '');
    const file = join(blocker, 'entries.jsonl');
    expect(() => appendJsonLine(file, { n: 1 })).toThrowError(
      `${file}: a file stands where a folder of this path should be (EEXIST). Move that file away`,
    );
  });
});

describe('replaceJsonLines', () => {
  it('should replace the file with one line per record', async () => {
    const file = join(folder, 'kept.jsonl');
    await writeFile(file, '{"n":1}\n{"n":2,"te');
    await replaceJsonLines(file, [{ n: 3 }, { n: 4 }]);
    expect(await readFile(file, 'utf8')).toBe('{"n":3}\n{"n":4}\n');
  });
});
