import { join } from 'node:path';
import { DEFAULT_OUTPUT_DIR } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { summaryCommand } from './summary-hint.js';

const checkout = join('/home/ann/tp2dg', 'apps', 'cli', 'dist', 'generate.js');
const npmInstalled = join('/home/ann/project', 'node_modules', '@tp2dg', 'cli', 'dist', 'generate.js');
const pnpmInstalled = join(
  '/home/ann/project',
  'node_modules',
  '.pnpm',
  '@tp2dg+cli@1.0.0',
  'node_modules',
  '@tp2dg',
  'cli',
  'dist',
  'generate.js',
);
const globallyInstalled = join('/usr/lib', 'node_modules', '@tp2dg', 'cli', 'dist', 'generate.js');

describe('summaryCommand', () => {
  it('should name the root script in a checkout of the repository', () => {
    expect(summaryCommand('runs/december', checkout)).toBe('pnpm summary --input runs/december');
  });

  it('should name the installed bin wherever the CLI was installed', () => {
    for (const cliFile of [npmInstalled, pnpmInstalled, globallyInstalled]) {
      expect(summaryCommand('runs/december', cliFile)).toBe('tp2dg-summary --input runs/december');
    }
  });

  it('should leave out --input for the default output folder, which the summary reads by itself', () => {
    expect(summaryCommand(DEFAULT_OUTPUT_DIR, checkout)).toBe('pnpm summary');
    expect(summaryCommand(DEFAULT_OUTPUT_DIR, npmInstalled)).toBe('tp2dg-summary');
  });

  it('should quote a folder a shell would split or expand', () => {
    expect(summaryCommand("my runs/ann's", npmInstalled)).toBe(`tp2dg-summary --input 'my runs/ann'\\''s'`);
    expect(summaryCommand('/tmp/$HOME', checkout)).toBe("pnpm summary --input '/tmp/$HOME'");
  });
});
