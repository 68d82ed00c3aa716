import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OUTPUT_DIR, Tp2dgError } from '@tp2dg/entities';
import { afterEach, describe, expect, it } from 'vitest';
import { summaryInput } from './summary-input.js';

const folders: string[] = [];
const temporaryFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), 'tp2dg-summary-input-'));
  folders.push(folder);
  return folder;
};
afterEach(() => Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true }))));

describe('summaryInput', () => {
  it('should take --input as given', async () => {
    expect(summaryInput('some/run', await temporaryFolder())).toBe('some/run');
  });

  it("should fall back to the generator's default output folder in the working directory", async () => {
    const cwd = await temporaryFolder();
    await mkdir(join(cwd, DEFAULT_OUTPUT_DIR));
    expect(summaryInput(undefined, cwd)).toBe(join(cwd, DEFAULT_OUTPUT_DIR));
  });

  it('should refuse, naming --input, when there is no such folder (or a file has its name)', async () => {
    const cwd = await temporaryFolder();
    const refusal = () => summaryInput(undefined, cwd);
    expect(refusal).toThrow(Tp2dgError);
    expect(refusal).toThrow(/pass --input DIR/);
    await writeFile(join(cwd, DEFAULT_OUTPUT_DIR), '');
    expect(refusal).toThrow(/pass --input DIR/);
  });
});
