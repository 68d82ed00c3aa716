import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  temporaryDirectory,
} from './test-support/run-command.js';

const API_KEY = 'AIza-quota-run-key-DO-NOT-LEAK-9012';
/** One session of 2 turns makes 8 calls: 2 more than this limit allows in a minute. */
const RPM = 6;
/**
 * The paced run waits for its first calls to leave the minute: about 61 s. Real time, since
 * the CLI runs in its own process; the bound only leaves room for a loaded machine.
 */
const TEST_TIMEOUT_MS = 120_000;

interface QuotaRun {
  emulator: GeminiEmulator;
  code: number;
  console: string;
}

async function runAgainstRpmLimit(extraArgs: string[]): Promise<QuotaRun> {
  const emulator = await startGeminiEmulator({ apiKey: API_KEY, rpm: RPM });
  const output = await temporaryDirectory('quota');
  const env = emulatorEnv(emulator, API_KEY);
  const args = geminiRunArgs(output, '--sessions', '1', '--turns', '2');
  // One attempt per call: a 429 fails the session at once instead of waiting out the minute.
  const result = await runNode(GENERATE, [...args, '--max-attempts', '1', ...extraArgs], { env });
  return { emulator, code: result.code, console: result.stdout + result.stderr };
}

describe('tp2dg-generate --rpm against a rate-limited emulator', () => {
  let paced: QuotaRun;
  let unpaced: QuotaRun;

  beforeAll(async () => {
    [paced, unpaced] = await Promise.all([
      runAgainstRpmLimit(['--rpm', String(RPM)]),
      runAgainstRpmLimit([]),
    ]);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([paced?.emulator.close(), unpaced?.emulator.close()]);
  });

  it('should finish with no quota 429 when --rpm matches the limit, making more calls than one minute allows', () => {
    expect(paced.code, paced.console).toBe(0);
    expect(paced.console).toContain('Wrote 1 conversation(s)');
    expect(paced.emulator.counters.quotaRejections).toEqual({ rpm: 0, tpm: 0 });
    expect(paced.emulator.counters.generateRequests).toBeGreaterThan(RPM);
  });

  it('should run into the limit without --rpm', () => {
    expect(unpaced.emulator.counters.quotaRejections.rpm).toBeGreaterThan(0);
    expect(unpaced.code).not.toBe(0);
    expect(unpaced.console).toContain('429');
  });

  it('should refuse an --rpm or --tpm that is not a positive whole number', async () => {
    const bad = await runNode(GENERATE, ['--provider', 'simulated', '--tpm', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tpm must be a whole number of at least 1');
  });
});
