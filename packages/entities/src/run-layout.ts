/**
 * The names of the files a run writes, in one place: the orchestrator writes them and every
 * reader of a run (the summary, the export, the judges) finds them by these, so none works the
 * layout out again.
 */

/** One part of a corpus split across machines or API projects: part `index` (from 1) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The file that marks a session folder finished: folders are put in place whole, this one last. */
export const SESSION_FILE = 'session.json';

/**
 * A run-directory file of this shard's own (`failures.jsonl` -> `failures-shard-2-of-4.jsonl`),
 * so the outputs of several machines merge by directory; the name itself without a shard.
 */
export function shardFileName(stem: string, extension: string, shard: Shard | undefined): string {
  return shard === undefined
    ? `${stem}${extension}`
    : `${stem}-shard-${shard.index}-of-${shard.count}${extension}`;
}

/** Whether `name` is `shardFileName(stem, extension, shard)` for some shard, or for none. */
export function isShardFileName(name: string, stem: string, extension: string): boolean {
  const fits = name.length >= stem.length + extension.length;
  if (!fits || !name.startsWith(stem) || !name.endsWith(extension)) return false;
  const middle = name.slice(stem.length, name.length - extension.length);
  return middle === '' || /^-shard-[1-9]\d*-of-[1-9]\d*$/.test(middle);
}

/** Each shard keeps its own failure log: `failures.jsonl`, `failures-shard-<i>-of-<n>.jsonl`. */
export function failureLogName(shard: Shard | undefined): string {
  return shardFileName('failures', '.jsonl', shard);
}

export function isFailureLogName(name: string): boolean {
  return isShardFileName(name, 'failures', '.jsonl');
}

/** Each shard records its own run: `run-manifest.json`, `run-manifest-shard-<i>-of-<n>.json`. */
export function runManifestName(shard: Shard | undefined): string {
  return shardFileName('run-manifest', '.json', shard);
}

export function isRunManifestFileName(name: string): boolean {
  return isShardFileName(name, 'run-manifest', '.json');
}
