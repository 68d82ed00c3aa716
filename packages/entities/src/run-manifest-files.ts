/**
 * A run manifest's file name: `run-manifest.json`, or `run-manifest-shard-<i>-of-<n>.json` for
 * each shard of a split run. The orchestrator writes them; the readers of a run (the export,
 * the summary's HTML report) find them by this name.
 */
export function isRunManifestFileName(name: string): boolean {
  return /^run-manifest(-shard-\d+-of-\d+)?\.json$/.test(name);
}

/**
 * The corpus directory a run read, as its parsed manifest records it (`run_options.data`,
 * absolute): the saved media paths are relative to it. Undefined when the manifest names none
 * (a loader given its directory as a source option) or is not an object. Read field by field,
 * since readers of old runs must not fail on a manifest that lacks it.
 */
export function corpusDirectoryOfManifest(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const runOptions = (manifest as { run_options?: unknown }).run_options;
  if (typeof runOptions !== 'object' || runOptions === null) return undefined;
  const data = (runOptions as { data?: unknown }).data;
  return typeof data === 'string' && data !== '' ? data : undefined;
}
