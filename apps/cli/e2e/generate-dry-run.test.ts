import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { describe, expect, it } from 'vitest';
import { DUMMY, emulatorEnv, GENERATE, runNode, SUMMARY, temporaryDirectory } from './support/run-command.js';

const API_KEY = 'AIza-dry-run-test-key-0000';

const dryRun = (output: string, ...more: string[]) =>
  runNode(GENERATE, ['--dry-run', '--data', DUMMY, '--output-dir', output, ...more]);

/** The projected dollars from the `cost:` line. */
const projectedUsd = (stdout: string) => Number(/^cost: \$(\d+\.\d+) at list prices/m.exec(stdout)?.[1]);

describe('tp2dg-generate --dry-run', () => {
  it('should project calls, tokens by modality and dollars with no key, no call and no write', async () => {
    const output = join(await temporaryDirectory('dry-run'), 'out');
    const result = await dryRun(output);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run: no model call, no upload, nothing written.');
    expect(result.stdout).toContain('Projection for 8 conversation(s) with gemini-3.5-flash-lite');
    expect(result.stdout).toMatch(/^ {2}calls +160$/m);
    for (const modality of ['text', 'audio', 'image']) {
      expect(result.stdout).toMatch(
        new RegExp(`^  ${modality} +[\\d,]+ +\\([\\d,]+ of them from the implicit cache\\)$`, 'm'),
      );
    }
    expect(projectedUsd(result.stdout)).toBeGreaterThan(0);
    expect(existsSync(output)).toBe(false);
  });

  it("should project the model's default thinking on every call, or the whole --thinking-budget", async () => {
    const thinking = async (...more: string[]) => {
      const { stdout } = await dryRun(join(await temporaryDirectory('dry-run-thinking'), 'out'), ...more);
      return { line: /^thinking tokens: .*$/m.exec(stdout)?.[0], usd: projectedUsd(stdout) };
    };
    const byDefault = await thinking();
    const off = await thinking('--thinking-budget', '0');
    const budget = await thinking('--thinking-budget', '1000');
    // 160 calls x 300 tokens, gemini-3.5-flash-lite's default in the price table (an estimate).
    expect(byDefault.line).toMatch(
      /^thinking tokens: 48,000, billed as output \(300 a call: gemini-3\.5-flash-lite's default \(estimate: .*\); --thinking-budget caps it\)$/,
    );
    expect(off.line).toMatch(/^thinking tokens: 0, /);
    expect(budget.line).toBe(
      'thinking tokens: 160,000, billed as output (1,000 a call: the whole --thinking-budget, the most a call can think)',
    );
    // 48,000 thinking tokens at $2.50 per 1M output tokens: $0.12.
    expect(byDefault.usd - off.usd).toBeCloseTo(0.12, 4);
    const least = await thinking('--model', 'gemini-2.5-flash-lite');
    expect(least.line).toMatch(
      /^thinking tokens: 0, billed as output \(0 a call: --thinking-budget least: gemini-2\.5-flash-lite's smallest budget \(.+\)\)$/,
    );
  });

  it('should come within 5% of what the emulator bills for the same run, and leave out what is done', async () => {
    const output = await temporaryDirectory('dry-run-accuracy');
    const projected = projectedUsd((await dryRun(output)).stdout);
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const env = emulatorEnv(emulator, API_KEY);
      const args = ['--provider', 'gemini', '--data', DUMMY, '--output-dir', output];
      expect((await runNode(GENERATE, [...args, '--sessions', '6'], { env })).code).toBe(0);
      const rest = await dryRun(output);
      expect(rest.stdout).toContain(
        'Projection for 2 conversation(s) with gemini-3.5-flash-lite (already generated, so left out: 6;',
      );
      expect((await runNode(GENERATE, args, { env })).code).toBe(0);
    } finally {
      await emulator.close();
    }
    const summary = await runNode(SUMMARY, ['--input', output, '--json']);
    const billed = (JSON.parse(summary.stdout) as { cost: { total: { usd: number } } }).cost.total.usd;
    expect(Math.abs(projected / billed - 1)).toBeLessThanOrEqual(0.05);
  }, 30_000);
});
