import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceFile, tryParseJson } from './json-files.js';

describe('tryParseJson', () => {
  it('should parse JSON and give undefined for anything else', () => {
    expect(tryParseJson('{"a":[1]}')).toEqual({ a: [1] });
    expect(tryParseJson('{"a":')).toBeUndefined();
  });
});

describe('replaceFile', () => {
  it('should replace the content whole and leave no temporary file beside it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tp2dg-replace-'));
    const file = join(folder, 'run-manifest.json');
    await writeFile(file, 'old');
    await replaceFile(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['run-manifest.json']);
  });
});
