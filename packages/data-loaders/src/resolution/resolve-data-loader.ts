import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Tp2dgError } from '@tp2dg/entities';
import { resolve as resolveModule } from 'import-meta-resolve';
import { createLoaderRegistry, type LoaderRegistry } from '../registry/loader-registry.js';
import type { DataLoaderPluginV1 } from '../spec/v1/index.js';
import { describeCandidate, type ImportCandidate, listImportCandidates } from './import-candidates.js';
import { describePluginProblem } from './plugin-shape.js';

export interface ResolveDataLoaderOptions {
  /** Where names are looked up first; a fresh registry with the built-in loader when absent. */
  registry?: LoaderRegistry;
  /** Packages resolve from here, as the user's project sees them; `process.cwd()` when absent. */
  cwd?: string;
  /**
   * More directories packages resolve from, after `cwd`: the CLI passes its own, so plugins
   * installed beside a global or project-installed CLI (its siblings in `node_modules`) and
   * the CLI's own dependencies (the first-party loaders) are found wherever it runs.
   */
  searchFrom?: readonly string[];
}

/**
 * Finds the plugin `source` names: a registered name, an installed package
 * (`@tp2dg/data-loader-<source>`, `tp2dg-data-loader-<source>`, `<source>`) or a module file.
 * Throws LOADER_INVALID when the module found is not a v1 plugin, LOADER_NOT_FOUND when
 * nothing is found (the message lists every candidate tried).
 */
export async function resolveDataLoader(
  source: string,
  options: ResolveDataLoaderOptions = {},
): Promise<DataLoaderPluginV1> {
  const registry = options.registry ?? createLoaderRegistry();
  const registered = registry.get(source);
  if (registered !== undefined) return registered;

  const cwd = path.resolve(options.cwd ?? process.cwd());
  const bases = [...new Set([cwd, ...(options.searchFrom ?? []).map((dir) => path.resolve(dir))])];
  const candidates = listImportCandidates(source, cwd);
  for (const candidate of candidates) {
    // A package is looked up from each base in turn (the user's project first); a file only from cwd.
    for (const base of candidate.kind === 'file' ? [cwd] : bases) {
      const url = await locateCandidate(candidate, base);
      if (url !== undefined) return importPlugin(url, describeCandidate(candidate));
    }
  }
  const registeredNames = registry.names().join(', ') || 'none';
  const tried = candidates.map(describeCandidate).join(', ');
  throw new Tp2dgError(
    'LOADER_NOT_FOUND',
    `No data loader "${source}": it is not a registered name (registered: ${registeredNames}) and none of ${tried} was found from ${bases.join(' or ')}. Install tp2dg-data-loader-${source} (or the package you meant) or pass a path to a plugin module.`,
  );
}

async function locateCandidate(candidate: ImportCandidate, base: string): Promise<string | undefined> {
  if (candidate.kind === 'file') {
    const stats = await stat(candidate.filePath).catch(() => undefined);
    return stats?.isFile() ? pathToFileURL(candidate.filePath).href : undefined;
  }
  try {
    // Node's own ESM algorithm (exports maps, ESM-only packages) from a parent inside base;
    // createRequire().resolve would miss packages that export only `import`.
    const url = resolveModule(candidate.specifier, pathToFileURL(path.join(base, 'noop.js')).href);
    // A built-in such as `fs` is never a plugin; treat it as not found and move on.
    return url.startsWith('node:') ? undefined : url;
  } catch (error) {
    if (isPackageMissing(error, candidate.specifier)) return undefined;
    throw new Tp2dgError(
      'LOADER_INVALID',
      `Package ${candidate.specifier} was found from ${base} but cannot be resolved: ${errorMessage(error)}. Fix its package.json "exports".`,
      { cause: error },
    );
  }
}

async function importPlugin(url: string, label: string): Promise<DataLoaderPluginV1> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } catch (error) {
    throw new Tp2dgError('LOADER_INVALID', `Importing data loader ${label} failed: ${errorMessage(error)}.`, {
      cause: error,
    });
  }
  const exported = (['default', 'dataLoader'] as const).filter((name) => loaded[name] !== undefined);
  if (exported.length === 0) {
    throw new Tp2dgError(
      'LOADER_INVALID',
      `Data loader ${label} exports neither "default" nor "dataLoader"; export a DataLoaderPluginV1 { specificationVersion: 'v1', name, create } as one of them.`,
    );
  }
  for (const name of exported) {
    if (describePluginProblem(loaded[name]) === undefined) return loaded[name] as DataLoaderPluginV1;
  }
  const first = exported[0] as string;
  throw new Tp2dgError(
    'LOADER_INVALID',
    `Export "${first}" of data loader ${label} is not a data loader plugin: ${describePluginProblem(loaded[first])}.`,
  );
}

/**
 * True only when the package itself is absent. A package that is installed but whose
 * entry file is missing raises the same code; that one is a broken plugin, not a miss.
 */
function isPackageMissing(error: unknown, specifier: string): boolean {
  if ((error as { code?: unknown } | null)?.code !== 'ERR_MODULE_NOT_FOUND') return false;
  const segments = specifier.split('/');
  const packageName = segments.slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
  return errorMessage(error).startsWith(`Cannot find package '${packageName}'`);
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
