import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixtureDirectory, removeFixtureDirectories } from '../test-support/fixture-files.js';
import { findProgram } from './find-program.js';

afterAll(removeFixtureDirectories);

describe('findProgram', () => {
  it('should find the first executable file of the name along PATH, and nothing else', async () => {
    const [empty, first, second] = await Promise.all([
      createFixtureDirectory(),
      createFixtureDirectory(),
      createFixtureDirectory(),
    ]);
    for (const dir of [first, second]) {
      await writeFile(path.join(dir, 'tool'), '#!/bin/sh\n');
      await chmod(path.join(dir, 'tool'), 0o755);
    }
    await writeFile(path.join(first, 'readable-only'), 'not a program');
    await mkdir(path.join(first, 'folder'));
    const env = { PATH: ['', empty, first, second].join(path.delimiter) };
    expect(findProgram('tool', env)).toBe(path.join(first, 'tool'));
    expect(findProgram('readable-only', env)).toBeUndefined();
    expect(findProgram('folder', env)).toBeUndefined();
    expect(findProgram('tool', { PATH: empty })).toBeUndefined();
    expect(findProgram('tool', {})).toBeUndefined();
  });
});
