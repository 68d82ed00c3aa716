import type { DataLoaderV1 } from '@tp2dg/data-loaders';
import { folderSettingsOf } from '../resume-check.js';
import type { RunGenerationOptions } from '../run-types.js';
import { clearRun } from './clear-run.js';
import { manifestFile, recordRunStart } from './run-manifest.js';

/**
 * Clears the run directory when the run starts over (`fresh`), then checks the run's settings
 * against its manifest and records this start, before any call is paid for.
 */
export async function prepareRunDirectory(
  corpusRoot: string,
  loader: DataLoaderV1,
  options: RunGenerationOptions,
): Promise<void> {
  if (options.fresh) await clearRun(corpusRoot, options.shard);
  const manifest = options.manifest;
  const settings = {
    ...folderSettingsOf(options),
    source: loader.id,
    corpus: loader.corpus,
    profile_size: options.loaderOptions.profileSize,
    pool_size: options.loaderOptions.poolSize ?? null,
    max_reasks: options.maxReasks,
    keep_short: options.keepShort ?? false,
    ...manifest?.settings,
  };
  const content = {
    settings,
    run_options: manifest?.runOptions ?? {},
    versions: manifest?.versions ?? {},
    corpus_licence: options.plugin.licence ?? null,
  };
  await recordRunStart(manifestFile(corpusRoot, options.shard), content, {
    force: options.force ?? false,
    now: new Date(),
  });
}
