/**
 * Dry-run accuracy and the budget ceiling (issues 4 and 11). `tp2dg-generate --dry-run` on the
 * bundled corpus, then the same command against the repo's Gemini emulator, which bills by
 * Gemini's documented counting (its implicit cache, images by media resolution and thinking by
 * the price table included), for each lever the projection must follow: the default model at
 * low and high media resolution, with thinking off, a 2.5 model that takes no resolution (and
 * makes explicit context caches by default), and gemini-3.5-flash at high resolution, whose
 * chats all reach its explicit cache minimum (creations and storage billed).
 * Target: each projection within 5% of its bill. Then the default run with `--max-cost` at half
 * its bill: it must stop at its ceiling.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { reportFigure, reportRatio } from './support/report.js';

const run = promisify(execFile);
const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const GENERATE = repo('apps/cli/dist/generate.js');
const SUMMARY = repo('apps/summary/dist/summary.js');

/** The levers, as the options that set them; the first is tp2dg's defaults. */
const LEVERS: Record<string, string[]> = {
  'defaults (gemini-3.5-flash-lite, --media-resolution low)': [],
  '--media-resolution high': ['--media-resolution', 'high'],
  '--thinking-budget 0': ['--thinking-budget', '0'],
  '--model gemini-2.5-flash-lite (no media resolution sent)': ['--model', 'gemini-2.5-flash-lite'],
  '--model gemini-3.5-flash --media-resolution high (explicit context caches)': [
    '--model',
    'gemini-3.5-flash',
    '--media-resolution',
    'high',
  ],
  '--service-tier flex': ['--service-tier', 'flex'],
  '--mode batch': ['--mode', 'batch'],
};

/** A dollar figure the command printed, found by the words before it. */
function dollarsAfter(text: string, words: string): number {
  const found = new RegExp(`${words} \\$(\\d+\\.\\d+)`).exec(text);
  if (found === null) throw new Error(`no "${words} $..." in:\n${text}`);
  return Number(found[1]);
}

async function generate(outputDir: string, env: NodeJS.ProcessEnv, ...more: string[]) {
  const args = [GENERATE, '--data', dummyCorpusDir, '--output-dir', outputDir, ...more];
  return run('node', args, { env: { ...process.env, ...env } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

/** What the summary says the emulator billed for everything under `outputDir`. */
async function billedUsd(outputDir: string): Promise<number> {
  const { stdout } = await run('node', [SUMMARY, '--input', outputDir, '--json']);
  return (JSON.parse(stdout) as { cost: { total: { usd: number } } }).cost.total.usd;
}

const emulator = await startGeminiEmulator({
  apiKey: 'bench-key',
  models: ['gemini-3.5-flash-lite', 'gemini-2.5-flash-lite', 'gemini-3.5-flash'],
});
const gemini = { GEMINI_API_KEY: 'bench-key', GOOGLE_GEMINI_BASE_URL: emulator.baseUrl };
const root = await mkdtemp(join(tmpdir(), 'tp2dg-bench-dry-run-'));
try {
  let defaultBill = 0;
  for (const [lever, options] of Object.entries(LEVERS)) {
    const outputDir = await mkdtemp(join(root, 'lever-'));
    const projectedUsd = dollarsAfter(
      (await generate(outputDir, {}, '--dry-run', ...options)).stdout,
      'cost:',
    );
    const real = await generate(outputDir, gemini, '--provider', 'gemini', ...options);
    if (real.code !== 0) throw new Error(`the emulator run failed (${lever}):\n${real.stdout}`);
    const billed = await billedUsd(outputDir);
    defaultBill ||= billed;
    reportFigure(`${lever}: projected by --dry-run`, projectedUsd, 'USD');
    reportFigure(`${lever}: billed by the emulator for the same run`, billed, 'USD');
    reportRatio(`${lever}: projection / bill, distance from 1`, Math.abs(projectedUsd / billed - 1), {
      atMost: 0.05,
    });
  }

  const ceiling = defaultBill / 2;
  const capped = await generate(
    join(root, 'capped'),
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
  await rm(root, { recursive: true, force: true });
}
