import { readFile } from 'node:fs/promises';
import { dirname, sep } from 'node:path';
import { tryParseJson } from '@tp2dg/entities';
import { RunManifestSchema } from '@tp2dg/orchestrator';

/** Where each run directory's media are: the corpus directory its manifest records (`run_options.data`). */
export async function readCorpusDirectories(manifests: readonly string[]): Promise<Map<string, string>> {
  const directories = new Map<string, string>();
  for (const file of manifests) {
    const manifest = RunManifestSchema.safeParse(tryParseJson(await readFile(file, 'utf8')));
    const data = manifest.data?.run_options.data;
    if (typeof data === 'string') directories.set(dirname(file), data);
  }
  return directories;
}

/** The corpus directory of the run directory a session folder is in, when its manifest says. */
export function corpusDirectoryOf(
  folder: string,
  directories: ReadonlyMap<string, string>,
): string | undefined {
  for (const [runDirectory, data] of directories) if (folder.startsWith(runDirectory + sep)) return data;
  return undefined;
}
