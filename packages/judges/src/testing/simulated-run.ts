import { createSimulatedModel, DEFAULT_LANGUAGE } from '@tp2dg/agents';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import { runGeneration } from '@tp2dg/orchestrator';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';

/**
 * Generates `sessions` conversations of `turns` turns from the bundled corpus with the simulated
 * backend into `outputDir`, its manifest naming the corpus directory as the CLI's does; returns
 * the run directory.
 */
export async function generateSimulatedRun(
  outputDir: string,
  sessions: number,
  turns: number,
): Promise<string> {
  const [prompts, catalog] = await Promise.all([loadPromptSet(), loadGoalCatalog()]);
  const report = await runGeneration({
    plugin: referenceDataLoader,
    loaderOptions: { dataDir: dummyCorpusDir, profileSize: 5, minPoolSize: turns },
    models: {
      provider: 'simulated',
      model: 'simulated',
      capabilities: { freeAndDeterministic: true },
      forSession: (session) => createSimulatedModel({ session, seed: 42, catalog, turns }),
    },
    prompts,
    catalog,
    outputDir,
    turns,
    seed: 42,
    responseFormat: 'yaml',
    language: DEFAULT_LANGUAGE,
    maxReasks: 2,
    maxBlockedRetries: 2,
    sessions,
    manifest: { settings: {}, runOptions: { data: dummyCorpusDir }, versions: {} },
  });
  return report.corpusRoot;
}
