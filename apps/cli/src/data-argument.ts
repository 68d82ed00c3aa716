import { resolve } from 'node:path';
import { dummyCorpusDir } from '@tp2dg/data-dummy';
import { type DataLoaderPluginV1, referenceDataLoader } from '@tp2dg/data-loaders';

/**
 * The corpus directory a run reads: `--data`, from the working directory; without it, the
 * bundled corpus (`@tp2dg/data-dummy`, found by Node's module lookup from the CLI, so an
 * installed CLI has it too) for the reference loader, the format it is in. Another loader
 * gets none and says it needs one, instead of failing on a corpus it cannot read.
 */
export function dataDirectoryOf(
  data: string | undefined,
  plugin: DataLoaderPluginV1,
  cwd: string,
): string | undefined {
  if (data !== undefined) return resolve(cwd, data);
  return plugin === referenceDataLoader ? dummyCorpusDir : undefined;
}
