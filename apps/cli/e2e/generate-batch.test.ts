import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CallRecordSchema, SessionFileSchema } from '@tp2dg/entities';
import { RunManifestSchema } from '@tp2dg/orchestrator';
import { describe, expect, it } from 'vitest';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  SUMMARY,
  simulatedRunArgs,
} from './support/run-command.js';
import { useScratch } from './support/test-scratch.js';

const API_KEY = 'AIza-batch-test-key-0000';
const MODEL_FOLDER = join('gemini-3.5-flash-lite', 'dummy');
/** Rounds settle in 50 ms and jobs are polled every 10 ms: the emulator runs each job at once. */
const FAST_ROUNDS = ['--mode', 'batch', '--batch-settle', '0.05', '--batch-poll', '0.01'];

const scratch = useScratch(API_KEY);
const outputFolder = scratch.outputFolder;

/** Every file of every conversation the run wrote. */
async function writtenRun(output: string) {
  const entries = await readdir(join(output, MODEL_FOLDER), { recursive: true, withFileTypes: true });
  const read = (name: string) =>
    Promise.all(
      entries
        .filter((entry) => entry.name === name)
        .map((entry) => readFile(join(entry.parentPath, name), 'utf8')),
    );
  const sessions = (await read('session.json')).map((text) => SessionFileSchema.parse(JSON.parse(text)));
  const calls = (await read('calls.jsonl')).flatMap((text) =>
    text
      .trim()
      .split('\n')
      .map((line) => CallRecordSchema.parse(JSON.parse(line))),
  );
  return { sessions, calls };
}

/** The projected dollars from the dry run's `cost:` line. */
const projectedUsd = (stdout: string) => Number(/^cost: \$(\d+\.\d+) at list prices/m.exec(stdout)?.[1]);

describe('tp2dg-generate --mode batch', () => {
  it('should project the batch price, then write every conversation through batch jobs billed within 5% of it', async () => {
    const output = await outputFolder('batch');
    const dryRun = await runNode(GENERATE, [
      '--dry-run',
      '--data',
      DUMMY,
      '--output-dir',
      output,
      '--mode',
      'batch',
    ]);
    expect(dryRun.stdout).toContain(
      'batch mode: every call at 50% of the list price, but for what the implicit cache serves',
    );
    const emulator = await scratch.emulator();
    const result = await runNode(GENERATE, geminiRunArgs(output, ...FAST_ROUNDS, '--progress', 'lines'), {
      env: emulatorEnv(emulator, API_KEY),
    });
    expect(result.code, result.stderr).toBe(0);
    const { sessions, calls } = await writtenRun(output);
    expect(sessions).toHaveLength(8);
    expect(sessions.every((session) => session.turns_completed === 8)).toBe(true);
    // Every call went in a job, none alone, and the conversations' calls shared their rounds.
    expect(emulator.counters.generateRequests).toBe(0);
    expect(emulator.counters.batchRequests).toBe(calls.length);
    expect(emulator.counters.batchCreations).toBeLessThan(calls.length / 4);
    expect(calls.every((call) => call.service_tier === 'batch')).toBe(true);
    expect(result.stderr).toMatch(/^batch job batches\/emulated0: \d+ call\(s\) sent \(inline, \d+ kB\)$/m);
    expect(result.stderr).toMatch(/^batch job batches\/emulated0 succeeded after \d+s: \d+ answered$/m);
    const manifest = RunManifestSchema.parse(
      JSON.parse(await readFile(join(output, MODEL_FOLDER, 'run-manifest.json'), 'utf8')),
    );
    expect(manifest.run_options).toMatchObject({ mode: 'batch', concurrency: 1000, batch_settle: 0.05 });
    // The summary prices each call as the emulator billed it, at the batch discount.
    const billed = emulator.bills.reduce((sum, bill) => sum + (bill.usd ?? 0), 0);
    expect(emulator.bills.every((bill) => bill.serviceTier === 'batch')).toBe(true);
    const summary = await runNode(SUMMARY, ['--input', output, '--json']);
    const summarised = (JSON.parse(summary.stdout) as { cost: { total: { usd: number } } }).cost.total.usd;
    expect(summarised).toBeCloseTo(billed, 6);
    expect(Math.abs(projectedUsd(dryRun.stdout) / billed - 1)).toBeLessThanOrEqual(0.05);
  }, 60_000);

  it('should refuse, with exit 2 and one line, what a batch run would silently ignore', async () => {
    const output = join(await outputFolder('batch-refusals'), 'out');
    const refusals = await Promise.all([
      runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--mode', 'batch', '--service-tier', 'flex')),
      runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--mode', 'batch', '--rpm', '60')),
      runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--batch-settle', '2')),
      runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--mode', 'batch', '--batch-poll', '0')),
    ]);
    expect(refusals.map((refusal) => refusal.code)).toEqual([2, 2, 2, 2]);
    expect(refusals.map((refusal) => refusal.stderr.trim().split('\n'))).toEqual([
      [
        expect.stringMatching(
          /--service-tier flex does not apply to --mode batch: batch jobs have their own price/,
        ),
      ],
      [expect.stringMatching(/--rpm does not apply to --mode batch: batch jobs are not paced per minute/)],
      [expect.stringMatching(/--batch-settle applies to --mode batch only/)],
      [expect.stringMatching(/--batch-poll must be a positive number of seconds \(got 0\)/)],
    ]);
  });

  it('should let a run resume in another mode, recorded as a run option', async () => {
    const output = await outputFolder('batch-resume-mode');
    const env = emulatorEnv(await scratch.emulator(), API_KEY);
    expect((await runNode(GENERATE, geminiRunArgs(output, '--sessions', '1'), { env })).code).toBe(0);
    const resumed = await runNode(GENERATE, geminiRunArgs(output, '--sessions', '2', ...FAST_ROUNDS), {
      env,
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Already present: 1.');
    const manifest = RunManifestSchema.parse(
      JSON.parse(await readFile(join(output, MODEL_FOLDER, 'run-manifest.json'), 'utf8')),
    );
    expect(manifest.run_options).toMatchObject({ mode: 'batch' });
    expect(manifest.forced_changes).toEqual([]);
  });

  // The Gemini flags did nothing with another provider; they are refused instead.
  it('should refuse --mode batch and the other Gemini flags with another provider, in one line', async () => {
    const output = await outputFolder('batch-other-provider');
    const refused = await runNode(GENERATE, simulatedRunArgs(DUMMY, output, '--mode', 'batch'));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/--mode applies to --provider gemini only, and this run uses simulated/),
    ]);
  });
});
