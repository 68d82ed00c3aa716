import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serviceTierOf } from '@tp2dg/gemini-adapter/testing';
import { RunManifestSchema } from '@tp2dg/orchestrator';
import { describe, expect, it } from 'vitest';
import { DUMMY, emulatorEnv, GENERATE, geminiRunArgs, runNode, SUMMARY } from './support/run-command.js';
import { callRecordsUnder, useScratch } from './support/test-scratch.js';

const API_KEY = 'AIza-service-tier-test-key-0000';
const MODEL_FOLDER = join('gemini-3.5-flash-lite', 'dummy');

const scratch = useScratch(API_KEY);
const outputFolder = scratch.outputFolder;

/** Every call record the run wrote, across its conversations. */
const callRecords = (output: string) => callRecordsUnder(join(output, MODEL_FOLDER));

const summaryUsd = async (output: string) =>
  (
    JSON.parse((await runNode(SUMMARY, ['--input', output, '--json'])).stdout) as {
      cost: { total: { usd: number } };
    }
  ).cost.total.usd;

/** The projected dollars from the dry run's `cost:` line. */
const projectedUsd = (stdout: string) => Number(/^cost: \$(\d+\.\d+) at list prices/m.exec(stdout)?.[1]);

describe('tp2dg-generate --service-tier', () => {
  it('should project a flex run at half the price of a standard one', async () => {
    const dryRun = async (...more: string[]) => {
      const output = join(await outputFolder('tier-dry-run'), 'out');
      return runNode(GENERATE, ['--dry-run', '--data', DUMMY, '--output-dir', output, ...more]);
    };
    const [standard, flex] = await Promise.all([dryRun(), dryRun('--service-tier', 'flex')]);
    expect(standard.code).toBe(0);
    // The table's flex discount is 50%; the printed figures are rounded, hence the tolerance.
    expect(projectedUsd(flex.stdout)).toBeCloseTo(projectedUsd(standard.stdout) * 0.5, 3);
    expect(projectedUsd(flex.stdout)).toBeGreaterThan(0);
    expect(flex.stdout).toContain('service tier: flex, every call at 50% of the list price');
    expect(standard.stdout).not.toContain('service tier:');
  });

  it('should let a run resume at another tier: it changes price and latency, not the conversations', async () => {
    const output = await outputFolder('tier-resume');
    const env = emulatorEnv(await scratch.emulator(), API_KEY);
    const run = (...more: string[]) => runNode(GENERATE, geminiRunArgs(output, ...more), { env });
    expect((await run('--sessions', '1')).code).toBe(0);
    const resumed = await run('--sessions', '2', '--service-tier', 'flex');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Already present: 1.');
    const manifest = RunManifestSchema.parse(
      JSON.parse(await readFile(join(output, MODEL_FOLDER, 'run-manifest.json'), 'utf8')),
    );
    expect(manifest.run_options).toMatchObject({ service_tier: 'flex' });
    expect(manifest.forced_changes).toEqual([]);
  });

  it('should send flex on every call, record it with each call and the manifest, and be billed at half', async () => {
    const output = await outputFolder('tier-flex');
    const emulator = await scratch.emulator();
    const env = emulatorEnv(emulator, API_KEY);
    const result = await runNode(
      GENERATE,
      geminiRunArgs(output, '--sessions', '1', '--service-tier', 'flex'),
      {
        env,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const tiers = new Set(emulator.requests.map((request) => request.body.serviceTier));
    expect(tiers).toEqual(new Set(['flex']));
    const calls = await callRecords(output);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((call) => call.service_tier === 'flex')).toBe(true);
    const manifest = RunManifestSchema.parse(
      JSON.parse(await readFile(join(output, MODEL_FOLDER, 'run-manifest.json'), 'utf8')),
    );
    // No --timeout: a flex run waits up to 15 minutes an attempt.
    expect(manifest.run_options).toMatchObject({ service_tier: 'flex', flex_fallback: 0, timeout: 900 });
    // The emulator charged each call half its list price; the summary prices the calls the same way.
    const billed = emulator.bills.reduce((sum, bill) => sum + (bill.usd ?? 0), 0);
    expect(billed).toBeGreaterThan(0);
    expect(await summaryUsd(output)).toBeCloseTo(billed, 6);
  }, 30_000);

  it('should resend a shed flex call at standard with --flex-fallback 1, and price it at standard', async () => {
    const output = await outputFolder('tier-fallback');
    // Sheds the first flex request only: one backoff of under a second, and every tier visible.
    let draws = 0;
    const emulator = await scratch.emulator({
      faults: { rates: { shedFlex: 0.5 }, random: () => (draws++ === 0 ? 0 : 0.99) },
    });
    const args = geminiRunArgs(output, '--sessions', '1', '--service-tier', 'flex', '--flex-fallback', '1');
    const result = await runNode(GENERATE, args, { env: emulatorEnv(emulator, API_KEY) });
    expect(result.code, result.stderr).toBe(0);
    expect(emulator.counters.faults.shedFlex).toBe(1);
    const [shed] = emulator.requests;
    const resent = emulator.requests.filter((request) => serviceTierOf(request.body) === 'standard');
    // The shed call went out at flex, then once more at standard; every other call at flex.
    expect(shed && serviceTierOf(shed.body)).toBe('flex');
    expect(resent).toHaveLength(1);
    expect(resent[0]?.body.contents).toEqual(shed?.body.contents);
    const calls = await callRecords(output);
    expect(calls.filter((call) => call.service_tier === 'standard')).toHaveLength(1);
    const billed = emulator.bills.reduce((sum, bill) => sum + (bill.usd ?? 0), 0);
    expect(await summaryUsd(output)).toBeCloseTo(billed, 6);
  }, 30_000);
});
