import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Tp2dgError } from '@tp2dg/entities';
import { resolve as resolveModule } from 'import-meta-resolve';
import { describeCandidate, type ImportCandidate, listImportCandidates } from './import-candidates.js';
import type { PluginKind } from './plugin-kind.js';

export interface ResolvePluginModuleOptions {
  /** Packages resolve from here, as the user's project sees them; `process.cwd()` when absent. */
  cwd?: string;
  /**
   * More directories packages resolve from, after `cwd`: the CLI passes its own, so plugins
   * installed beside a global or project-installed CLI (its siblings in `node_modules`) and
   * the CLI's own dependencies (the first-party plugins) are found wherever it runs.
   */
  searchFrom?: readonly string[];
  /** The names a registry knows, listed when nothing is found. */
  registeredNames: readonly string[];
}

/**
 * Imports the plugin `source` names as an installed package (each of the kind's prefixes, then
 * `source` itself) or a module file. Throws the kind's invalid code when the module found is not
 * a v1 plugin, its not-found code when nothing is found (the message lists every candidate tried).
 */
export async function resolvePluginModule<Plugin>(
  source: string,
  kind: PluginKind,
  options: ResolvePluginModuleOptions,
): Promise<Plugin> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const bases = [...new Set([cwd, ...(options.searchFrom ?? []).map((dir) => path.resolve(dir))])];
  const candidates = listImportCandidates(source, cwd, kind.prefixes);
  for (const candidate of candidates) {
    // A package is looked up from each base in turn (the user's project first); a file only from cwd.
    for (const base of candidate.kind === 'file' ? [cwd] : bases) {
      const url = await locateCandidate(candidate, base, kind);
      if (url !== undefined) return importPlugin<Plugin>(url, describeCandidate(candidate), kind);
    }
  }
  const registeredNames = options.registeredNames.join(', ') || 'none';
  const tried = candidates.map(describeCandidate).join(', ');
  const suggested = `${kind.prefixes.at(-1) ?? ''}${source}`;
  throw new Tp2dgError(
    kind.notFoundCode,
    `No ${kind.noun} "${source}": it is not a registered name (registered: ${registeredNames}) and none of ${tried} was found from ${bases.join(' or ')}. Install ${suggested} (or the package you meant) or pass a path to a plugin module.`,
  );
}

async function locateCandidate(
  candidate: ImportCandidate,
  base: string,
  kind: PluginKind,
): Promise<string | undefined> {
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
      kind.invalidCode,
      `Package ${candidate.specifier} was found from ${base} but cannot be resolved: ${errorMessage(error)}. Fix its package.json "exports".`,
      { cause: error },
    );
  }
}

async function importPlugin<Plugin>(url: string, label: string, kind: PluginKind): Promise<Plugin> {
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } catch (error) {
    throw new Tp2dgError(
      kind.invalidCode,
      `Importing ${kind.noun} ${label} failed: ${errorMessage(error)}.`,
      {
        cause: error,
      },
    );
  }
  const [first, second] = kind.exportNames;
  const exported = kind.exportNames.filter((name) => loaded[name] !== undefined);
  if (exported.length === 0) {
    const noun = kind.noun.charAt(0).toUpperCase() + kind.noun.slice(1);
    throw new Tp2dgError(
      kind.invalidCode,
      `${noun} ${label} exports neither "${first}" nor "${second}"; export ${kind.expected} as one of them.`,
    );
  }
  for (const name of exported) {
    if (kind.describeProblem(loaded[name]) === undefined) return loaded[name] as Plugin;
  }
  const name = exported[0] as string;
  throw new Tp2dgError(
    kind.invalidCode,
    `Export "${name}" of ${kind.noun} ${label} is not a ${kind.noun} plugin: ${kind.describeProblem(loaded[name])}.`,
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
