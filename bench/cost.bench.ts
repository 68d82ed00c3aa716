/**
 * Dollars per conversation (issue 11). A paper-sized corpus (5 liked tracks and a pool of 26, a
 * clip and a cover each, 8 turns) is generated against the repo's Gemini emulator four ways,
 * each billed by the emulator at one model's list prices:
 * - the reference pipeline's way: no explicit cache and no implicit cache hit, every image at the
 *   model's full resolution, the clips sent as the corpus has them, the model's own thinking;
 * - tp2dg's defaults;
 * - the defaults on the flex tier;
 * - the defaults in batch mode.
 * One table at gemini-2.5-flash's prices (the paper's model, shut down since, so priced from a
 * copy of the table that still lists it as served), one at the default model's; then both again
 * for a corpus of 30 s clips, as Music4All ships them. Targets, on 3 s clips: the defaults at
 * most 0.33 of the reference's way, flex or batch at most 0.2.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { writeSyntheticCorpus } from '@tp2dg/data-loaders/test';
import { createCooperativeResponder, startGeminiEmulator } from '@tp2dg/gemini-adapter/testing';
import { reportFigure, reportRatio } from './support/report.js';

const run = promisify(execFile);
const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const GENERATE = repo('apps/cli/dist/generate.js');
const API_KEY = 'bench-key';
const SESSIONS = 6;
const DEFAULT_MODEL = 'gemini-3.5-flash-lite';

interface Way {
  args: string[];
  implicitCache: boolean;
}

const REFERENCE = "the reference's way";
const WAYS: Record<string, Way> = {
  [REFERENCE]: {
    args: [
      '--context-cache',
      'off',
      '--media-resolution',
      'high',
      '--clip-seconds',
      '0',
      '--thinking-budget',
      'model',
    ],
    implicitCache: false,
  },
  "tp2dg's defaults": { args: [], implicitCache: true },
  '--service-tier flex': { args: ['--service-tier', 'flex'], implicitCache: true },
  '--mode batch': { args: ['--mode', 'batch'], implicitCache: true },
};

/** The built-in price table with gemini-2.5-flash listed as served, so a run can still use its prices. */
async function pricesServingGemini25Flash(dir: string): Promise<string> {
  const table = JSON.parse(await readFile(repo('packages/gemini-adapter/data/gemini-prices.json'), 'utf8'));
  Object.assign(table.models['gemini-2.5-flash'], {
    status: 'available',
    retired_on: null,
    replaced_by: null,
  });
  const file = join(dir, 'prices-with-gemini-2.5-flash.json');
  await writeFile(file, JSON.stringify(table));
  return file;
}

/** What the emulator bills per conversation for one run of the corpus, one way, at one model's prices. */
async function dollarsPerConversation(
  corpus: string,
  model: string,
  extraArgs: string[],
  way: Way,
  outputDir: string,
): Promise<number> {
  const emulator = await startGeminiEmulator({
    apiKey: API_KEY,
    models: [model],
    respond: createCooperativeResponder({ implicitCache: way.implicitCache }).respond,
  });
  try {
    const args = [GENERATE, '--provider', 'gemini', '--data', corpus, '--output-dir', outputDir];
    await run(
      'node',
      [...args, '--model', model, '--sessions', String(SESSIONS), ...extraArgs, ...way.args],
      {
        env: { ...process.env, GEMINI_API_KEY: API_KEY, GOOGLE_GEMINI_BASE_URL: emulator.baseUrl },
      },
    );
    // Every answered call, and what explicit caches cost apart from their uses (creation, storage).
    const usd = [...emulator.bills, ...emulator.cacheBills].reduce(
      (sum, bill) => sum + (bill.usd ?? Number.NaN),
      0,
    );
    return usd / SESSIONS;
  } finally {
    await emulator.close();
  }
}

/** Prints one table: dollars per conversation each way, and each against the reference's way. */
async function costTable(title: string, corpus: string, model: string, extraArgs: string[], root: string) {
  console.log(`\n${title}`);
  const dollars: Record<string, number> = {};
  for (const [name, way] of Object.entries(WAYS)) {
    dollars[name] = await dollarsPerConversation(
      corpus,
      model,
      extraArgs,
      way,
      await mkdtemp(join(root, 'run-')),
    );
  }
  const reference = dollars[REFERENCE] as number;
  for (const [name, usd] of Object.entries(dollars)) {
    reportFigure(
      `${name}: $/conversation`,
      usd,
      `USD (${(usd / reference).toFixed(3)} of the reference's way)`,
    );
  }
  return { reference, dollars };
}

const root = await mkdtemp(join(tmpdir(), 'tp2dg-bench-cost-'));
try {
  const corpus = (clipSeconds: number) => {
    const dir = join(root, `corpus-${clipSeconds}s`);
    // 31 tracks a session: the 5 the listener liked, then a pool of 26.
    const options = {
      users: 3,
      tracks: 120,
      sessions: SESSIONS,
      tracksPerSession: 31,
      seed: 'cost',
      clipSeconds,
    };
    return writeSyntheticCorpus(dir, options).then(() => dir);
  };
  const priceSets = [
    { name: 'gemini-2.5-flash', args: ['--prices', await pricesServingGemini25Flash(root)] },
    { name: DEFAULT_MODEL, args: [] },
  ];
  for (const clipSeconds of [3, 30]) {
    const dir = await corpus(clipSeconds);
    for (const prices of priceSets) {
      const title = `${clipSeconds} s clips, at ${prices.name} list prices (${SESSIONS} conversations of 8 turns)`;
      const { reference, dollars } = await costTable(title, dir, prices.name, prices.args, root);
      if (clipSeconds !== 3) continue;
      const defaults = dollars["tp2dg's defaults"] as number;
      const cheapest = Math.min(dollars['--service-tier flex'] as number, dollars['--mode batch'] as number);
      reportRatio(`${prices.name}, defaults / reference's way`, defaults / reference, { atMost: 0.33 });
      reportRatio(`${prices.name}, cheaper of flex and batch / reference's way`, cheapest / reference, {
        atMost: 0.2,
      });
    }
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
