/**
 * Dry-run accuracy and the budget ceiling (issue 4). `tp2dg-generate --dry-run` on the bundled
 * corpus, then the same command against the repo's Gemini emulator, which bills by Gemini's
 * documented counting (its implicit cache included); target: the projection within 15% of the
 * bill. Then the same run with `--max-cost` at half that bill: it must stop at its ceiling.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { reportFigure, reportRatio } from './support/report.js';

const run = promisify(execFile);
const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const GENERATE = repo('apps/cli/dist/generate.js');
const SUMMARY = repo('apps/summary/dist/summary.js');
const COMMAND = ['--data', repo('data/dummy'), '--model', 'gemini-2.5-flash'];

/** A dollar figure the command printed, found by the words before it. */
function dollarsAfter(text: string, words: string): number {
  const found = new RegExp(`${words} \\$(\\d+\\.\\d+)`).exec(text);
  if (found === null) throw new Error(`no "${words} $..." in:\n${text}`);
  return Number(found[1]);
}

async function generate(outputDir: string, env: NodeJS.ProcessEnv, ...more: string[]) {
  const args = [GENERATE, ...COMMAND, '--output-dir', outputDir, ...more];
  return run('node', args, { env: { ...process.env, ...env } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

const emulator = await startGeminiEmulator({ apiKey: 'bench-key' });
const gemini = { GEMINI_API_KEY: 'bench-key', GOOGLE_GEMINI_BASE_URL: emulator.baseUrl };
try {
  const outputDir = await mkdtemp(join(tmpdir(), 'tp2dg-bench-dry-run-'));
  const dryRun = await generate(outputDir, {}, '--dry-run');
  const projectedUsd = dollarsAfter(dryRun.stdout, 'cost:');
  const real = await generate(outputDir, gemini, '--provider', 'gemini');
  if (real.code !== 0) throw new Error(`the emulator run failed:\n${real.stdout}`);
  const { stdout } = await run('node', [SUMMARY, '--input', outputDir, '--json']);
  const billedUsd = (JSON.parse(stdout) as { cost: { total: { usd: number } } }).cost.total.usd;
  reportFigure('projected by --dry-run', projectedUsd, 'USD');
  reportFigure('billed by the emulator for the same run', billedUsd, 'USD');
  reportRatio('dry-run projection / emulator bill, distance from 1', Math.abs(projectedUsd / billedUsd - 1), {
    atMost: 0.15,
  });

  const ceiling = billedUsd / 2;
  const capped = await generate(
    join(outputDir, 'capped'),
    gemini,
    '--provider',
    'gemini',
    '--max-cost',
    ceiling.toFixed(6),
  );
  const spentUsd = dollarsAfter(capped.stdout, 'Stopped at the budget:');
  reportFigure(`--max-cost ${ceiling.toFixed(6)}: exit code ${capped.code}, spent`, spentUsd, 'USD');
  reportRatio('spent / --max-cost ceiling', spentUsd / ceiling, { atMost: 1 });
} finally {
  await emulator.close();
}
