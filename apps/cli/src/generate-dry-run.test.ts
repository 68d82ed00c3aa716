import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { describe, expect, it } from 'vitest';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  runNode,
  SUMMARY,
  temporaryDirectory,
} from './test-support/run-command.js';

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
    expect(result.stdout).toContain('Projection for 8 conversation(s) with gemini-2.5-flash');
    expect(result.stdout).toMatch(/^ {2}calls +160$/m);
    for (const modality of ['text', 'audio', 'image']) {
      expect(result.stdout).toMatch(
        new RegExp(`^  ${modality} +[\\d,]+ +\\([\\d,]+ of them from the implicit cache\\)$`, 'm'),
      );
    }
    expect(projectedUsd(result.stdout)).toBeGreaterThan(0);
    expect(existsSync(output)).toBe(false);
  });

  it('should come within 15% of what the emulator bills for the same run, and leave out what is done', async () => {
    const output = await temporaryDirectory('dry-run-accuracy');
    const projected = projectedUsd((await dryRun(output)).stdout);
    const emulator = await startGeminiEmulator({ apiKey: API_KEY });
    try {
      const env = emulatorEnv(emulator, API_KEY);
      const args = ['--provider', 'gemini', '--data', DUMMY, '--output-dir', output];
      expect((await runNode(GENERATE, [...args, '--sessions', '6'], { env })).code).toBe(0);
      const rest = await dryRun(output);
      expect(rest.stdout).toContain(
        'Projection for 2 conversation(s) with gemini-2.5-flash (already generated, so left out: 6;',
      );
      expect((await runNode(GENERATE, args, { env })).code).toBe(0);
    } finally {
      await emulator.close();
    }
    const summary = await runNode(SUMMARY, ['--input', output, '--json']);
    const billed = (JSON.parse(summary.stdout) as { cost: { total: { usd: number } } }).cost.total.usd;
    expect(Math.abs(projected / billed - 1)).toBeLessThanOrEqual(0.15);
  }, 30_000);
});
