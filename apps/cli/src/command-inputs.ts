import { resolve } from 'node:path';
import { type DataLoaderOptionsV1, resolveDataLoader } from '@tp2dg/data-loaders';
import { MEGABYTE, type ProjectionOptions } from '@tp2dg/orchestrator';
import { loadGoalCatalog, loadPromptSet } from '@tp2dg/prompts';
import { dataDirectoryOf } from './data-argument.js';
import type { GenerateArguments } from './generate-arguments.js';
import { pluginSearchPath } from './plugin-search-path.js';
import { checkSourceOptions, readSourceOptions } from './source-options.js';

/** What a run and a dry run share: everything but their models, read before the first conversation. */
export interface CommandInputs extends Omit<ProjectionOptions, 'models'> {
  loaderOptions: Omit<DataLoaderOptionsV1, 'onSkip'> & { sourceOptions: Readonly<Record<string, unknown>> };
}

/** Loads the prompts and the goal catalog, finds the loader and checks its options. */
export async function readCommandInputs(args: GenerateArguments, cwd: string): Promise<CommandInputs> {
  const [prompts, catalog] = await Promise.all([
    loadPromptSet({ overridesDir: args.prompts === undefined ? undefined : resolve(cwd, args.prompts) }),
    loadGoalCatalog(),
  ]);
  const plugin = await resolveDataLoader(args.source, { cwd, searchFrom: pluginSearchPath() });
  const sourceOptions = await readSourceOptions(args, cwd);
  await checkSourceOptions(plugin, sourceOptions);
  const loaderOptions = {
    dataDir: dataDirectoryOf(args.data, plugin, cwd),
    profileSize: args.profileSize,
    poolSize: args.poolSize,
    // Every session taken can then make all its turns: the paper's conversations run their course.
    minPoolSize: args.turns,
    sourceOptions,
  };
  return {
    prompts,
    catalog,
    plugin,
    loaderOptions,
    outputDir: resolve(cwd, args.outputDir),
    turns: args.turns,
    seed: args.seed,
    responseFormat: args.responseFormat,
    language: args.language,
    listenerLyrics: args.listenerLyrics,
    maxReasks: args.maxReasks,
    maxBlockedRetries: args.maxBlockedRetries,
    sessions: args.sessions,
    shard: args.shard,
    inputLimits: {
      maxAudioBytes: Math.floor(args.maxAudioMb * MEGABYTE),
      maxImageBytes: Math.floor(args.maxImageMb * MEGABYTE),
      maxTextChars: args.maxTextChars,
      maxLyricsChars: args.maxLyricsChars,
      strict: args.strict,
    },
  };
}
