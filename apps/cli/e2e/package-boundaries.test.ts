import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The one package that may name the provider it implements; the apps combine packages and may name any. */
const PROVIDER_PACKAGE = 'packages/gemini-adapter';

/**
 * The layers of docs/architecture.md, lowest first: a package may depend only on packages of a
 * lower layer (its own layer's included: the data loaders extend their registry, and the plugin
 * specs share their lookup).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['@tp2dg/entities', '@tp2dg/data-dummy'],
  [
    '@tp2dg/prompts',
    '@tp2dg/audio-snippets',
    '@tp2dg/metrics',
    '@tp2dg/dataset',
    '@tp2dg/plugin-resolution',
    '@tp2dg/call-quota',
    '@tp2dg/data-loaders',
    '@tp2dg/model-providers',
  ],
  ['@tp2dg/agents', '@tp2dg/data-loader-jsonl', '@tp2dg/data-loader-lastfm', '@tp2dg/data-loader-mpd'],
  // The providers' emulators answer through the test kit, whose fixtures the agents format.
  ['@tp2dg/model-testing'],
  ['@tp2dg/gemini-adapter', '@tp2dg/provider-openai-compatible'],
  ['@tp2dg/orchestrator'],
  ['@tp2dg/judges'],
  ['@tp2dg/cli', '@tp2dg/summary'],
];

interface Workspace {
  name: string;
  folder: string;
  dependencies: string[];
}

function workspaces(): Workspace[] {
  return ['packages', 'apps'].flatMap((parent) =>
    readdirSync(join(ROOT, parent))
      .map((name) => join(parent, name))
      .filter((folder) => existsSync(join(ROOT, folder, 'package.json')))
      .map((folder) => {
        const manifest = JSON.parse(readFileSync(join(ROOT, folder, 'package.json'), 'utf8'));
        const all = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.devDependencies };
        const dependencies = Object.keys(all).filter((name) => name.startsWith('@tp2dg/'));
        return { name: manifest.name as string, folder, dependencies };
      }),
  );
}

/** Shipped files: source but not tests (`*.test.ts`, `test-*.ts` helpers), data, the manifest, the README. */
function shippedFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path)) walk(join(path, entry));
      return;
    }
    const name = path.split('/').at(-1) ?? '';
    if (!/\.test\.ts$/.test(name) && !/^test-/.test(name)) files.push(path);
  };
  for (const part of ['src', 'data', 'package.json', 'README.md']) walk(join(ROOT, folder, part));
  return files;
}

describe('the boundaries of the packages', () => {
  it('should name Gemini in no package but its adapter', () => {
    const naming = workspaces()
      .filter(({ folder }) => folder.startsWith('packages/') && folder !== PROVIDER_PACKAGE)
      .flatMap(({ folder }) => shippedFiles(folder))
      .filter((file) => /gemini/i.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(naming).toEqual([]);
  });

  it('should have each workspace depend only on the layers below it, so no dependency goes round', () => {
    const layerOf = new Map(LAYERS.flatMap((names, layer) => names.map((name) => [name, layer] as const)));
    const found = workspaces();
    expect(found.map(({ name }) => name).filter((name) => !layerOf.has(name))).toEqual([]);
    const upward = found.flatMap(({ name, dependencies }) =>
      dependencies
        .filter((dependency) => (layerOf.get(dependency) ?? 0) > (layerOf.get(name) ?? 0))
        .map((dependency) => `${name} -> ${dependency}`),
    );
    expect(upward).toEqual([]);
    // Within a layer, dependencies must not go round either.
    const visiting = new Set<string>();
    const done = new Set<string>();
    const byName = new Map(found.map((workspace) => [workspace.name, workspace]));
    const cycles: string[] = [];
    const visit = (name: string, path: string[]) => {
      if (done.has(name)) return;
      if (visiting.has(name)) {
        cycles.push([...path, name].join(' -> '));
        return;
      }
      visiting.add(name);
      for (const dependency of byName.get(name)?.dependencies ?? []) visit(dependency, [...path, name]);
      visiting.delete(name);
      done.add(name);
    };
    for (const { name } of found) visit(name, []);
    expect(cycles).toEqual([]);
  });
});
