import { createSimulatedModel, DEFAULT_LANGUAGE } from '@tp2dg/agents';
import { referenceDataLoader } from '@tp2dg/data-loaders';
import type { RunGenerationOptions } from '../run-types.js';
import { DUMMY_DATA_DIR, type loadPromptsAndCatalog } from './dummy-fixtures.js';

type PromptsAndCatalog = Awaited<ReturnType<typeof loadPromptsAndCatalog>>;

/**
 * A run of the bundled corpus with the simulated model, 8 turns, seed 42 and the CLI's
 * defaults, into `outputDir`; a test overrides what it is about.
 */
export function simulatedRunOptions(
  fixtures: PromptsAndCatalog,
  outputDir: string,
  overrides: Partial<RunGenerationOptions> = {},
): RunGenerationOptions {
  const seed = overrides.seed ?? 42;
  return {
    plugin: referenceDataLoader,
    loaderOptions: { dataDir: DUMMY_DATA_DIR, profileSize: 5 },
    models: {
      provider: 'simulated',
      model: 'simulated',
      capabilities: { freeAndDeterministic: true },
      forSession: (session) => createSimulatedModel({ session, seed, catalog: fixtures.catalog, turns: 8 }),
    },
    ...fixtures,
    outputDir,
    turns: 8,
    seed,
    responseFormat: 'yaml',
    language: DEFAULT_LANGUAGE,
    maxReasks: 2,
    maxBlockedRetries: 2,
    ...overrides,
  };
}
