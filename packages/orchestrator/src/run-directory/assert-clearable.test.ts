import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertClearable } from './assert-clearable.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tp2dg-clearable-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const refusal = (what: string) => ({
  code: 'INVALID_ARGUMENT',
  message: expect.stringContaining(`--fresh will not clear this run directory: it holds ${what}`),
});

describe('assertClearable', () => {
  it('should refuse a run directory that is the corpus, or holds it', async () => {
    const runDirectory = join(root, 'out', 'model', 'corpus');
    await mkdir(join(runDirectory, 'audio'), { recursive: true });
    await expect(assertClearable(runDirectory, runDirectory)).rejects.toMatchObject(
      refusal('the corpus directory'),
    );
    await expect(assertClearable(runDirectory, join(runDirectory, 'audio'))).rejects.toMatchObject(
      refusal('the corpus directory'),
    );
  });

  it('should judge links by where they lead', async () => {
    const corpus = join(root, 'corpus');
    await mkdir(corpus);
    await mkdir(join(root, 'out', 'model'), { recursive: true });
    const runDirectory = join(root, 'out', 'model', 'corpus');
    await symlink(corpus, runDirectory);
    await expect(assertClearable(runDirectory, corpus)).rejects.toMatchObject(
      refusal('the corpus directory'),
    );
  });

  it('should refuse a run directory that holds the working directory', async () => {
    const runDirectory = join(root, 'model', 'corpus');
    await mkdir(join(runDirectory, 'u1'), { recursive: true });
    const cwd = process.cwd();
    process.chdir(join(runDirectory, 'u1'));
    try {
      await expect(assertClearable(runDirectory, undefined)).rejects.toMatchObject(
        refusal('the working directory'),
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('should allow a run directory inside the corpus or beside it, and one not made yet', async () => {
    const corpus = join(root, 'corpus');
    const inside = join(corpus, 'out', 'model', 'corpus');
    const beside = join(root, 'out', 'model', 'corpus');
    await mkdir(inside, { recursive: true });
    await mkdir(beside, { recursive: true });
    await expect(assertClearable(inside, corpus)).resolves.toBeUndefined();
    await expect(assertClearable(beside, corpus)).resolves.toBeUndefined();
    await expect(assertClearable(join(root, 'not-yet'), corpus)).resolves.toBeUndefined();
  });
});
