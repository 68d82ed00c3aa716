/**
 * Export memory (issue 14): an export to Parquet (`exportDataset`, what tp2dg-export runs) of
 * 100,000 conversations against one of 10,000, each in its own process with the old generation
 * capped at 128 MB, so that the peak RSS shows what the export needs rather than how lazily V8
 * collects: peak RSS, and the heap kept after a full GC at the end. The runs are a simulated
 * run of the bundled corpus, cloned (support/cloned-run.ts). The export keeps each conversation's
 * ids (to drop duplicates and to split by user), never its content: the peak may grow by those
 * ids, at most 1 KB a conversation (a conversation's files are tens of KB), and the heap kept at
 * the end at most 1.25x.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createSimulatedModel } from '@tp2dg/agents';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { SIMULATED_PROVIDER } from '@tp2dg/entities';
import { loadGoalCatalog } from '@tp2dg/prompts';
import { cloneRun } from './support/cloned-run.js';
import { generate, withTemporaryDirectory } from './support/generation-run.js';
import { reportFigure, reportRatio } from './support/report.js';

interface ExportRun {
  rows: number;
  maxRssKb: number;
  keptHeapKb: number;
  elapsedMs: number;
}

const SIZES = [10_000, 100_000] as const;
const OLD_GENERATION_MB = 128;
const turns = 8;
const seed = 42;

function exportRun(input: string, out: string): ExportRun {
  const flags = ['--expose-gc', `--max-old-space-size=${OLD_GENERATION_MB}`, '--import', 'tsx'];
  const output = execFileSync(process.execPath, [...flags, 'support/export-run.ts', input, out], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as ExportRun;
}

await withTemporaryDirectory('export', async (dir) => {
  const seedRun = join(dir, 'seed');
  const catalog = await loadGoalCatalog();
  await generate({
    dataDir: dummyCorpusDir,
    outputDir: seedRun,
    models: {
      provider: SIMULATED_PROVIDER,
      model: SIMULATED_PROVIDER,
      capabilities: { freeAndDeterministic: true },
      forSession: (session) => createSimulatedModel({ session, seed, catalog, turns }),
    },
    concurrency: 4,
    turns,
  });
  const runs = new Map<number, ExportRun>();
  for (const size of SIZES) {
    const input = join(dir, `run-${size}`);
    const cloned = await cloneRun(seedRun, input, size);
    const run = exportRun(input, join(dir, `dataset-${size}`));
    runs.set(size, run);
    const name = `${size.toLocaleString('en')} conversations`;
    reportFigure(
      `${name} (${cloned} cloned): peak RSS`,
      run.maxRssKb / 1024,
      `MiB (${run.rows} rows in ${(run.elapsedMs / 1000).toFixed(0)} s)`,
    );
    reportFigure(`${name}: heap kept after a full GC`, run.keptHeapKb / 1024, 'MiB');
  }
  const small = runs.get(SIZES[0]) as ExportRun;
  const large = runs.get(SIZES[1]) as ExportRun;
  reportFigure('peak RSS, 100,000 / 10,000 conversations', large.maxRssKb / small.maxRssKb, 'x');
  const added = (SIZES[1] - SIZES[0]) as number;
  reportRatio('peak RSS growth per added conversation, KB', (large.maxRssKb - small.maxRssKb) / added, {
    atMost: 1,
  });
  reportRatio('heap kept, 100,000 / 10,000 conversations', large.keptHeapKb / small.keptHeapKb, {
    atMost: 1.25,
  });
});
