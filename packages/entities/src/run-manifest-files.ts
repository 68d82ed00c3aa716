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
