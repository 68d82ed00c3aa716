import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LANGUAGE } from '@tp2dg/agents';
import { type DataLoaderPluginV1, referenceDataLoader } from '@tp2dg/data-loaders';
import type { ModelPort } from '@tp2dg/entities';
import { type ModelFactory, type RunReport, runGeneration } from '@tp2dg/orchestrator';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';

export interface BenchRunOptions {
  dataDir: string;
  models: ModelFactory;
  concurrency: number;
  /** The reference loader by default. */
  plugin?: DataLoaderPluginV1;
  sessions?: number;
  turns?: number;
  /** Recommendation pool per session; the rest of the session by default. */
  poolSize?: number;
  /** Where to write, kept afterwards; a temporary directory removed after the run by default. */
  outputDir?: string;
}

export interface BenchRun {
  report: RunReport;
  elapsedMs: number;
}

/** One shared model for every session, as the CLI gives the Gemini adapter: journaled and priced. */
export function sharedModel(model: ModelPort): ModelFactory {
  return {
    provider: model.provider,
    model: model.model,
    capabilities: { freeAndDeterministic: false },
    forSession: () => model,
  };
}

/** A temporary directory under `root`, removed after `use` however it ends. */
export async function withTemporaryDirectory<T>(
  prefix: string,
  use: (dir: string) => Promise<T>,
  root = tmpdir(),
): Promise<T> {
  const dir = await mkdtemp(join(root, `tp2dg-bench-${prefix}-`));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs the real pipeline (`runGeneration`), timed. */
export async function generate(options: BenchRunOptions): Promise<BenchRun> {
  const [prompts, catalog] = await Promise.all([loadPromptSet(), loadGoalCatalog()]);
  const run = async (outputDir: string) => {
    const started = performance.now();
    const report = await runGeneration({
      plugin: options.plugin ?? referenceDataLoader,
      loaderOptions: { dataDir: options.dataDir, profileSize: 5, poolSize: options.poolSize },
      models: options.models,
      prompts,
      catalog,
      outputDir,
      turns: options.turns ?? 8,
      seed: 42,
      responseFormat: 'yaml',
      language: DEFAULT_LANGUAGE,
      maxReasks: 2,
      maxBlockedRetries: 2,
      sessions: options.sessions,
      concurrency: options.concurrency,
      // A bench measures throughput: one failed session must not end the run.
      maxConsecutiveFailures: Number.MAX_SAFE_INTEGER,
    });
    return { report, elapsedMs: performance.now() - started };
  };
  return options.outputDir === undefined ? withTemporaryDirectory('output', run) : run(options.outputDir);
}
