import { appendFile, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { distinctBundledMedia } from './support/bundled-media.js';
import { DUMMY, emulatorEnv, GENERATE, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-uploads-key-DO-NOT-LEAK-9012';

describe('tp2dg-generate uploads to Gemini', () => {
  it('should upload each distinct media file once per run, none again on a repeated run, and clean up on request', async () => {
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    const output = await temporaryDirectory('uploads');
    try {
      const env = emulatorEnv(emulator, API_KEY);
      const args = ['--provider', 'gemini', '--data', DUMMY, '--output-dir', output];
      expect((await runNode(GENERATE, args, { env })).code).toBe(0);
      const distinct = await distinctBundledMedia();
      expect(emulator.counters.uploads).toBe(distinct);
      // Every media file read once, its hash recorded for the next run.
      const hashFile = join(output, 'gemini-media-hashes.jsonl');
      const hashLines = async () => (await readFile(hashFile, 'utf8')).trim().split('\n');
      const hashed = (await hashLines()).map((line) => JSON.parse(line) as { path: string; sha256: string });
      expect(new Set(hashed.map((record) => record.path)).size).toBe(hashed.length);
      expect(new Set(hashed.map((record) => record.sha256)).size).toBe(distinct);

      // The same run again, its conversations gone but not the upload ledger: nothing to upload,
      // even after a kill cut the ledger's last line short.
      await rm(join(output, DEFAULT_MODEL), { recursive: true });
      const ledger = join(output, 'gemini-uploads.jsonl');
      const lines = (await readFile(ledger, 'utf8')).split('\n').length;
      await appendFile(ledger, '{"key":"[\\"0f');
      const again = await runNode(GENERATE, args, { env });
      expect(again.code).toBe(0);
      expect(again.stderr).toContain(`warning: ${ledger}:${lines} was cut short`);
      expect(emulator.counters.uploads).toBe(distinct);
      // No file hashed again: the hashes came from the first run's record.
      expect(await hashLines()).toHaveLength(hashed.length);

      await rm(join(output, DEFAULT_MODEL), { recursive: true });
      await rm(join(output, 'gemini-uploads.jsonl'));
      const cleaned = await runNode(GENERATE, [...args, '--sessions', '1', '--cleanup-uploads'], { env });
      const uploaded = emulator.counters.uploads - distinct;
      expect(uploaded).toBeGreaterThan(0);
      expect(cleaned.stdout).toContain(`Deleted ${uploaded} file(s) this run uploaded to Gemini.`);
      expect(emulator.counters.fileDeletes).toBe(uploaded);
      expect(await readFile(join(output, 'gemini-uploads.jsonl'), 'utf8')).toBe('');
    } finally {
      await emulator.close();
      await rm(output, { recursive: true, force: true });
    }
  });
});
