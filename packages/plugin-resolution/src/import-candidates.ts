import path from 'node:path';

/** One place a plugin source (`--source`, `--provider`) may point to, in the order resolution tries them. */
export type ImportCandidate = { kind: 'package'; specifier: string } | { kind: 'file'; filePath: string };

function looksLikePath(source: string): boolean {
  return source.startsWith('.') || path.isAbsolute(source) || source.includes('\\');
}

/** A bare package name (`name` or `@scope/name`) with an optional subpath; no URL or path. */
function isPackageName(source: string): boolean {
  return /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w.-]+)*$/i.test(source);
}

/**
 * Candidates for `source`: each of `prefixes` before it (`@tp2dg/data-loader-<source>`,
 * `tp2dg-data-loader-<source>`), `<source>` as a package, then `<source>` as a file relative to
 * `cwd`. The prefixed names come first so a short `--source mpd` finds the plugin before an
 * unrelated `mpd` package.
 */
export function listImportCandidates(
  source: string,
  cwd: string,
  prefixes: readonly string[],
): ImportCandidate[] {
  const candidates: ImportCandidate[] = [];
  if (!looksLikePath(source) && isPackageName(source)) {
    if (!source.includes('/')) {
      for (const prefix of prefixes) candidates.push({ kind: 'package', specifier: `${prefix}${source}` });
    }
    candidates.push({ kind: 'package', specifier: source });
  }
  candidates.push({ kind: 'file', filePath: path.resolve(cwd, source) });
  return candidates;
}

export function describeCandidate(candidate: ImportCandidate): string {
  return candidate.kind === 'package' ? candidate.specifier : candidate.filePath;
}
