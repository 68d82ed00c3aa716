import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolve } from 'import-meta-resolve';
import packageJson from '../package.json' with { type: 'json' };

/** The tp2dg packages whose code shapes a run's outputs. */
const RUN_PACKAGES = [
  '@tp2dg/entities',
  '@tp2dg/prompts',
  '@tp2dg/data-loaders',
  '@tp2dg/agents',
  '@tp2dg/gemini-adapter',
  '@tp2dg/orchestrator',
];

/**
 * The version of this CLI and of each package it runs with, as installed: the run manifest
 * records them so a dataset says which code made it.
 */
export function packageVersions(): Record<string, string> {
  const versions: Record<string, string> = { [packageJson.name]: packageJson.version };
  for (const name of RUN_PACKAGES) {
    const found = findPackage(name, fileURLToPath(resolve(name, import.meta.url)));
    if (found !== undefined) versions[name] = found.version;
  }
  return versions;
}

/** Walks up from a package's entry file to the package.json that names it. */
function findPackage(name: string, entryFile: string): { name: string; version: string } | undefined {
  for (let folder = dirname(entryFile); folder !== dirname(folder); folder = dirname(folder)) {
    const manifest = tryReadPackage(join(folder, 'package.json'));
    if (manifest?.name === name) return manifest;
  }
  return undefined;
}

function tryReadPackage(file: string): { name: string; version: string } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string };
  } catch {
    return undefined;
  }
}
