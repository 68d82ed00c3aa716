import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatorEnv, GENERATE, geminiRunArgs, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-quota-run-key-DO-NOT-LEAK-9012';
/** One session of 2 turns makes 8 calls: 2 more than this limit allows in a minute. */
const RPM = 6;
/**
 * How long the paced run is watched holding back its second call (at 6 a minute, the pace
 * sends one every 10 s): the minute itself is not waited out.
 */
const HOLD_MS = 1_000;

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function quotaRun(): Promise<{ env: NodeJS.ProcessEnv; args: string[] }> {
  emulator = await startGeminiEmulator({ apiKey: API_KEY, rpm: RPM });
  const output = await temporaryDirectory('quota');
  // One attempt per call: a 429 fails the session at once instead of waiting out the minute.
  const args = [...geminiRunArgs(output, '--sessions', '1', '--turns', '2'), '--max-attempts', '1'];
  return { env: emulatorEnv(emulator, API_KEY), args };
}

/**
 * Waiting for room in the minute and the pace are tested with an injected clock in the
 * adapter's own tests (quota-scheduler.test.ts, create-gemini-adapter-quota.test.ts); here the
 * built CLI is shown to pass `--rpm` on to it.
 */
describe('tp2dg-generate --rpm against a rate-limited emulator', () => {
  it('should pace its calls at the limit instead of running into 429s', async () => {
    const { env, args } = await quotaRun();
    const child = spawn('node', [GENERATE, ...args, '--rpm', String(RPM)], { env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const counters = emulator?.counters;
    while ((counters?.generateRequests ?? 0) < 1 && child.exitCode === null) await sleep(10);
    await sleep(HOLD_MS);
    const stillRunning = child.exitCode === null;
    child.kill('SIGKILL');
    await exited;
    expect(stillRunning).toBe(true);
    // Profile and goal are asked at once; without --rpm both go together.
    expect(counters?.generateRequests).toBe(1);
    expect(counters?.quotaRejections).toEqual({ rpm: 0, tpm: 0 });
  });

  it('should run into the limit without --rpm', async () => {
    const { env, args } = await quotaRun();
    const result = await runNode(GENERATE, args, { env });
    expect(emulator?.counters.quotaRejections.rpm).toBeGreaterThan(0);
    expect(result.code).not.toBe(0);
    expect(result.stdout + result.stderr).toContain('429');
  });

  it('should refuse an --rpm or --tpm that is not a positive whole number', async () => {
    const bad = await runNode(GENERATE, ['--provider', 'simulated', '--tpm', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tpm must be a whole number of at least 1');
  });
});
