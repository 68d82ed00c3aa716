import { spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import { emulatorEnv, GENERATE, geminiRunArgs, runNode, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-batch-kill-test-key-0000';
/** The first round of the bundled corpus: a profile and a goal call for each of its 8 sessions. */
const FIRST_ROUND_CALLS = 16;
const JOB_MINUTES = 60_000;

/**
 * The emulator's clock stands still until `fastForward`: jobs stay RUNNING. After it, every look
 * at the clock moves it a job's running time on, so any job is done the next time it is polled.
 */
let minutePerLook = 0;
let time = 0;
let emulator: GeminiEmulator;
let output: string;
beforeAll(async () => {
  emulator = await startGeminiEmulator({
    apiKey: API_KEY,
    now: () => (time += minutePerLook),
    batch: { runningMs: JOB_MINUTES },
  });
  output = await temporaryDirectory('batch-kill');
});
afterAll(async () => {
  await emulator.close();
  await rm(output, { recursive: true, force: true });
});

const args = () => geminiRunArgs(output, '--mode', 'batch', '--batch-settle', '0.05', '--batch-poll', '0.01');
const env = () => emulatorEnv(emulator, API_KEY);
const keysOf = (jobs: GeminiEmulator['batches']) =>
  jobs.flatMap((job) => job.requests.map((request) => request.key));

/** Runs the generator until every call of the first round waits in a job it recorded and polled, then SIGKILLs it. */
async function runUntilFirstRoundWaits(): Promise<void> {
  const child = spawn('node', [GENERATE, ...args()], { env: env(), stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  const waiting = () =>
    emulator.counters.batchRequests >= FIRST_ROUND_CALLS && emulator.batches.every((job) => job.gets > 0);
  while (!waiting() && Date.now() < deadline) await sleep(5);
  child.kill('SIGKILL');
  await exited;
}

describe('tp2dg-generate --mode batch killed with SIGKILL and resumed', () => {
  it('should wait on the jobs the killed run recorded instead of submitting their calls again', async () => {
    await runUntilFirstRoundWaits();
    const killedJobs = emulator.batches.length;
    const killedKeys = new Set(keysOf(emulator.batches));
    expect(killedKeys.size).toBe(FIRST_ROUND_CALLS);
    // Nothing was answered: the jobs were still running when the run was killed.
    expect(emulator.requests).toHaveLength(0);

    minutePerLook = JOB_MINUTES;
    const polledBefore = emulator.batches.map((job) => job.gets);
    const resumed = await runNode(GENERATE, args(), { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Wrote 8 conversation(s)');
    // The resumed run polled each job of the killed one, and sent none of their calls again.
    expect(
      emulator.batches.slice(0, killedJobs).every((job, index) => job.gets > (polledBefore[index] ?? 0)),
    ).toBe(true);
    const resentKeys = keysOf(emulator.batches.slice(killedJobs)).filter((key) => killedKeys.has(key));
    expect(resentKeys).toEqual([]);
    expect(emulator.counters.batchRequests).toBe(emulator.requests.length);
    const sessions = (await readdir(join(output, DEFAULT_MODEL, 'dummy'), { recursive: true })).filter(
      (path) => path.endsWith('session.json'),
    );
    expect(sessions).toHaveLength(8);
  }, 60_000);
});
