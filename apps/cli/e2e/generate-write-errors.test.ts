import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  simulatedRunArgs,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-write-errors-key-0000';

let folder: string;
beforeEach(async () => {
  folder = await temporaryDirectory('write-errors');
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const stderrLines = (stderr: string) => stderr.split('\n').filter((line) => line !== '');

/** Every file under `root`, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('tp2dg-generate on an output it cannot write', () => {
  it.each([
    // Ways that stop writes for root too, unlike a read-only folder.
    [
      'a file in the way of --output-dir',
      'a-file/out',
      'a file stands where a folder of this path should be (ENOTDIR)',
    ],
    ['a folder name over 255 bytes', 'x'.repeat(300), 'the path is too long (ENAMETOOLONG)'],
  ])(
    'should stop with exit 1 and one line naming the path and the fix for %s, writing nothing',
    async (_case, outputDir, problem) => {
      await writeFile(join(folder, 'a-file'), 'not a folder');
      const output = join(folder, outputDir);
      const result = await runNode(GENERATE, simulatedRunArgs(DUMMY, output));
      expect(result.code).toBe(1);
      // The first thing a run writes is its run directory, to hold its lock.
      const runDirectory = join(output, 'simulated', 'dummy');
      const lines = stderrLines(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`tp2dg-generate: ${runDirectory}: ${problem}. `);
      expect(lines[0]).toContain('--output-dir');
      expect(result.stdout).toBe('');
      expect(await filesUnder(folder)).toEqual([join(folder, 'a-file')]);
    },
  );
});

describe('tp2dg-generate on a Gemini upload ledger it cannot write', () => {
  let emulator: GeminiEmulator;
  beforeEach(async () => {
    emulator = await startGeminiEmulator({ apiKey: API_KEY });
  });
  afterEach(() => emulator.close());

  it('should stop the run with exit 1 and one line naming the ledger, never as a model failure', async () => {
    const ledger = join(folder, 'gemini-uploads.jsonl');
    // A folder where the ledger should be: the first finished upload cannot be recorded.
    await mkdir(ledger);
    const result = await runNode(GENERATE, geminiRunArgs(folder, '--progress', 'lines'), {
      env: emulatorEnv(emulator, API_KEY),
    });
    expect(result.code).toBe(1);
    expect(stderrLines(result.stderr)).toEqual([
      'started: 8 sessions',
      `tp2dg-generate: ${ledger}: a folder stands where this file should be (EISDIR). Move that folder away; then run the same command again (finished sessions are kept).`,
    ]);
    expect(result.stdout).toBe('');
    expect(emulator.counters.uploads).toBeGreaterThan(0);
    const written = await filesUnder(folder);
    expect(written.filter((file) => file.endsWith('session.json') || file.includes('failures'))).toEqual([]);
    expect(existsSync(join(folder, DEFAULT_MODEL, 'dummy', 'run-manifest.json'))).toBe(true);
  });
});
