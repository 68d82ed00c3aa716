import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GeminiEmulator, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MODEL } from '../src/model-choice.js';
import {
  DUMMY,
  emulatorEnv,
  GENERATE,
  geminiRunArgs,
  runNode,
  SUMMARY,
  temporaryDirectory,
} from './support/run-command.js';

const API_KEY = 'AIza-models-test-key-4321';

let emulator: GeminiEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function startEmulator(models?: readonly string[]): Promise<GeminiEmulator> {
  emulator = await startGeminiEmulator({ apiKey: API_KEY, ...(models === undefined ? {} : { models }) });
  return emulator;
}

const runGemini = (served: GeminiEmulator, output: string, ...more: string[]) =>
  runNode(GENERATE, geminiRunArgs(output, '--progress', 'lines', ...more), {
    env: emulatorEnv(served, API_KEY),
  });

const dryRun = (output: string, ...more: string[]) =>
  runNode(GENERATE, ['--dry-run', '--data', DUMMY, '--output-dir', output, ...more]);

/** The one line a refused command prints on stderr. */
function onlyLine(stderr: string): string {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('tp2dg-generate and the model it is given', () => {
  it('should stop at once with exit 2, before any upload, when the service does not serve the model', async () => {
    // The default model, retired on the service before the price table knew it.
    const served = await startEmulator(['gemini-3.8-flash']);
    const output = await temporaryDirectory('model-not-found');
    const result = await runGemini(served, output);
    expect(result.code).toBe(2);
    const line = onlyLine(result.stderr.replace(/^started: .*\n/, ''));
    expect(line).toContain(`models/${DEFAULT_MODEL} is not found`);
    expect(line).toMatch(
      /gemini-3\.5-flash-lite is tp2dg's default: pass --model with a model the service serves\.$/,
    );
    // One lookup, then nothing: no upload, no call, no failure charged to any session.
    expect(served.counters).toMatchObject({ modelLookups: 1, uploadStarts: 0, generateRequests: 0 });
    expect(existsSync(join(output, DEFAULT_MODEL, 'dummy', 'failures.jsonl'))).toBe(false);
  });

  it('should refuse a model the price table says was shut down, naming its replacement, before any call', async () => {
    const served = await startEmulator();
    const output = await temporaryDirectory('model-retired');
    const result = await runGemini(served, output, '--model', 'gemini-2.5-flash');
    expect(result.code).toBe(2);
    expect(onlyLine(result.stderr)).toBe(
      'tp2dg-generate: --model gemini-2.5-flash was shut down on 2026-12-01: the service no longer serves it. ' +
        'Use --model gemini-3.5-flash-lite (its replacement), or leave --model out for the default, gemini-3.5-flash-lite.',
    );
    expect(served.counters).toMatchObject({ modelLookups: 0, uploadStarts: 0, generateRequests: 0 });
    const projected = await dryRun(output, '--model', 'gemini-2.5-pro');
    expect(projected.code).toBe(2);
    expect(onlyLine(projected.stderr)).toContain('Use --model gemini-3.8-flash (its replacement)');
  });
});

describe('tp2dg-generate and a model without a list price', () => {
  it('should refuse --max-cost and --dry-run, naming --prices, before any call or write', async () => {
    const served = await startEmulator(['gemini-9-ultra']);
    const output = join(await temporaryDirectory('unpriced'), 'out');
    const capped = await runGemini(served, output, '--model', 'gemini-9-ultra', '--max-cost', '1');
    expect(capped.code).toBe(2);
    expect(onlyLine(capped.stderr)).toMatch(
      /^tp2dg-generate: --max-cost needs the list prices of gemini-9-ultra, .*: pass --prices FILE with them/,
    );
    const projected = await dryRun(output, '--model', 'gemini-9-ultra');
    expect(projected.code).toBe(2);
    expect(onlyLine(projected.stderr)).toMatch(
      /^tp2dg-generate: --dry-run needs the list prices of gemini-9-ultra/,
    );
    expect(served.counters).toMatchObject({ modelLookups: 0, generateRequests: 0 });
    expect(existsSync(output)).toBe(false);
  });

  it('should say price unknown in the progress and the summary, never $0, and take prices from --prices', async () => {
    const served = await startEmulator(['gemini-9-ultra']);
    const output = await temporaryDirectory('unpriced-run');
    const result = await runGemini(served, output, '--model', 'gemini-9-ultra', '--sessions', '1');
    expect(result.code).toBe(0);
    const wrote = result.stderr.split('\n').find((line) => line.startsWith('wrote '));
    expect(wrote).toMatch(/\[1\/1 sessions, .*price unknown \(pass --prices\)/);
    expect(wrote).not.toContain('$');
    const summary = await runNode(SUMMARY, ['--input', output]);
    expect(summary.stdout).toMatch(/^ {2}total +0 +\d+ +0 +price unknown$/m);
    expect(summary.stdout).toContain('Mean per billed conversation: price unknown');
    expect(summary.stdout).toContain('Price unknown for: gemini-9-ultra');

    // A price file in the first format, as users keep them: the same run is then priced.
    const prices = join(output, 'prices.json');
    const ultra = { input: 1, audio_input: 1, output: 4, cached_input: 0.1, cached_audio_input: 0.1 };
    await writeFile(prices, JSON.stringify({ version: 'ultra-test', models: { 'gemini-9-ultra': ultra } }));
    const priced = await dryRun(output, '--model', 'gemini-9-ultra', '--prices', prices, '--sessions', '2');
    expect(priced.code).toBe(0);
    expect(priced.stdout).toMatch(/^cost: \$\d+\.\d{4} at list prices/m);
    const pricedSummary = await runNode(SUMMARY, ['--input', output, '--prices', prices, '--json']);
    expect(JSON.parse(pricedSummary.stdout).cost).toMatchObject({
      price_table: 'ultra-test',
      unpriced_models: [],
    });
  }, 20_000);
});
