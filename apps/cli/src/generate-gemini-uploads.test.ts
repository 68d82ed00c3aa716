import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { describe, expect, it } from 'vitest';
import { DUMMY, emulatorEnv, GENERATE, runNode, temporaryDirectory } from './test-support/run-command.js';

const API_KEY = 'AIza-uploads-key-DO-NOT-LEAK-9012';

/** The distinct contents among the media of every bundled session: what one run must upload. */
async function distinctBundledMedia(): Promise<number> {
  const loader = await referenceDataLoader.create({ dataDir: DUMMY, profileSize: 5 });
  const paths = new Set<string>();
  for await (const session of loader.sessions()) {
    for (const track of [...session.profiling_tracks, ...session.pool_tracks]) {
      for (const path of [track.audio_path, track.image_path]) if (path !== undefined) paths.add(path);
    }
  }
  const hashes = await Promise.all(
    [...paths].map(async (path) =>
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    ),
  );
  return new Set(hashes).size;
}

describe('tp2dg-generate uploads to Gemini', () => {
  it('should upload each distinct media file once per run, none again on a repeated run, and clean up on request', async () => {
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const env = emulatorEnv(emulator, API_KEY);
      const output = await temporaryDirectory('uploads');
      const args = ['--provider', 'gemini', '--data', DUMMY, '--output-dir', output];
      expect((await runNode(GENERATE, args, { env })).code).toBe(0);
      const distinct = await distinctBundledMedia();
      expect(emulator.counters.uploads).toBe(distinct);

      // The same run again, its conversations gone but not the upload ledger: nothing to upload.
      await rm(join(output, 'gemini-2.5-flash'), { recursive: true });
      expect((await runNode(GENERATE, args, { env })).code).toBe(0);
      expect(emulator.counters.uploads).toBe(distinct);

      await rm(join(output, 'gemini-2.5-flash'), { recursive: true });
      await rm(join(output, 'gemini-uploads.jsonl'));
      const cleaned = await runNode(GENERATE, [...args, '--sessions', '1', '--cleanup-uploads'], { env });
      const uploaded = emulator.counters.uploads - distinct;
      expect(uploaded).toBeGreaterThan(0);
      expect(cleaned.stdout).toContain(`Deleted ${uploaded} file(s) this run uploaded to Gemini.`);
      expect(emulator.counters.fileDeletes).toBe(uploaded);
      expect(await readFile(join(output, 'gemini-uploads.jsonl'), 'utf8')).toBe('');
    } finally {
      await emulator.close();
    }
  });
});
