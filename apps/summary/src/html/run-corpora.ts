import { readdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { corpusDirectoryOfManifest, isRunManifestFileName, tryParseJson } from '@tp2dg/entities';

/** The corpus a conversation's media paths are relative to, as its run recorded it. */
export type RunCorpus =
  | { found: true /** Symlink-free, as media paths are checked against it. */; realRoot: string }
  | { found: false /** Why there is no media, for the report's notices. */; reason: string };

/**
 * Finds each session folder's corpus through its run's manifest (`run_options.data`), read
 * once per run directory. The run directory is the nearest folder above the session folder
 * holding a run manifest, which may lie above `--input` (a user's folder given as the input).
 */
export class RunCorpora {
  readonly #byFolder = new Map<string, Promise<RunCorpus>>();

  /** The corpus of the session folder at `sessionFolder` (absolute). */
  corpusOf(sessionFolder: string): Promise<RunCorpus> {
    return this.#lookUp(dirname(sessionFolder));
  }

  #lookUp(folder: string): Promise<RunCorpus> {
    let corpus = this.#byFolder.get(folder);
    if (corpus === undefined) {
      corpus = this.#corpusIn(folder);
      this.#byFolder.set(folder, corpus);
    }
    return corpus;
  }

  async #corpusIn(folder: string): Promise<RunCorpus> {
    const names = await readdir(folder).catch(() => [] as string[]);
    const manifests = names.filter(isRunManifestFileName).sort();
    if (manifests.length > 0) return corpusOfManifests(manifests.map((name) => join(folder, name)));
    const parent = dirname(folder);
    if (parent === folder)
      return { found: false, reason: 'no run manifest (run-manifest.json) in their folders or above' };
    return this.#lookUp(parent);
  }
}

/**
 * Each shard has its manifest, and shards run on several machines may name the corpus by
 * different paths: the first that exists here is the corpus.
 */
async function corpusOfManifests(manifests: readonly string[]): Promise<RunCorpus> {
  const named: string[] = [];
  for (const manifest of manifests) {
    const text = await readFile(manifest, 'utf8').catch(() => '');
    const directory = corpusDirectoryOfManifest(tryParseJson(text));
    if (directory === undefined) continue;
    const realRoot = await realpath(directory).catch(() => undefined);
    if (realRoot !== undefined) return { found: true, realRoot };
    named.push(directory);
  }
  if (named.length === 0) {
    return { found: false, reason: `${manifests[0]} names no corpus directory (run_options.data)` };
  }
  return { found: false, reason: `the corpus their run read, ${named.join(' or ')}, is no longer there` };
}
