import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { installPackage } from '@tp2dg/plugin-resolution/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createLoaderRegistry } from '../registry/loader-registry.js';
import { createTemporaryDirectory, removeTemporaryDirectories } from '../test-support/temporary-corpus.js';
import { type ResolveDataLoaderOptions, resolveDataLoader } from './resolve-data-loader.js';

afterAll(removeTemporaryDirectories);

const pluginSource = (name: string, exportLine = 'export default plugin;', version = 'v1') =>
  `const plugin = { specificationVersion: '${version}', name: '${name}', create: async () => ({ specificationVersion: 'v1', id: '${name}', corpus: 'x', async *sessions() {} }) };\n${exportLine}\n`;

async function resolutionError(source: string, cwd: string): Promise<Tp2dgError> {
  return resolutionErrorWith(source, { cwd });
}

async function resolutionErrorWith(source: string, options: ResolveDataLoaderOptions): Promise<Tp2dgError> {
  const error = await resolveDataLoader(source, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

describe('resolveDataLoader', () => {
  it('should return a registered plugin by name without touching the file system', async () => {
    const plugin = await resolveDataLoader('reference', { cwd: '/nonexistent' });
    expect(plugin.name).toBe('reference');
  });

  it('should import a plugin module from a path relative to cwd', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(path.join(cwd, 'my-loader.mjs'), pluginSource('from-file'));
    expect((await resolveDataLoader('./my-loader.mjs', { cwd })).name).toBe('from-file');
    expect((await resolveDataLoader(path.join(cwd, 'my-loader.mjs'), { cwd: '/' })).name).toBe('from-file');
  });

  it('should find tp2dg-data-loader-<name> installed in cwd, even when it is ESM-only', async () => {
    const cwd = await createTemporaryDirectory();
    await installPackage(
      cwd,
      'tp2dg-data-loader-mpd',
      pluginSource('mpd', 'export const dataLoader = plugin;'),
    );
    const plugin = await resolveDataLoader('mpd', { cwd });
    expect(plugin.name).toBe('mpd');
    expect(typeof plugin.create).toBe('function');
  });

  it('should prefer @tp2dg/data-loader-<name> over tp2dg-data-loader-<name>', async () => {
    const cwd = await createTemporaryDirectory();
    await installPackage(cwd, 'tp2dg-data-loader-lfm', pluginSource('community'));
    await installPackage(cwd, '@tp2dg/data-loader-lfm', pluginSource('first-party'));
    expect((await resolveDataLoader('lfm', { cwd })).name).toBe('first-party');
  });

  it('should find a plugin installed beside another directory given in searchFrom', async () => {
    const cwd = await createTemporaryDirectory();
    const globalPrefix = await createTemporaryDirectory();
    await installPackage(globalPrefix, 'tp2dg-data-loader-beside', pluginSource('beside'));
    const cliDir = path.join(globalPrefix, 'node_modules', '@tp2dg', 'cli', 'dist');
    await mkdir(cliDir, { recursive: true });
    const error = await resolutionError('beside', cwd);
    expect(error.code).toBe('LOADER_NOT_FOUND');
    expect((await resolveDataLoader('beside', { cwd, searchFrom: [cliDir] })).name).toBe('beside');
  });

  it('should prefer the package in cwd over one beside searchFrom', async () => {
    const cwd = await createTemporaryDirectory();
    const other = await createTemporaryDirectory();
    await installPackage(cwd, 'tp2dg-data-loader-both', pluginSource('project'));
    await installPackage(other, 'tp2dg-data-loader-both', pluginSource('global'));
    expect((await resolveDataLoader('both', { cwd, searchFrom: [other] })).name).toBe('project');
  });

  it('should list every directory searched when nothing is found', async () => {
    const cwd = await createTemporaryDirectory();
    const other = await createTemporaryDirectory();
    const error = await resolutionErrorWith('nowhere', { cwd, searchFrom: [other] });
    expect(error.message).toContain(`from ${cwd} or ${other}`);
  });

  it('should accept a full package name', async () => {
    const cwd = await createTemporaryDirectory();
    await installPackage(cwd, '@acme/music-corpus', pluginSource('acme'));
    expect((await resolveDataLoader('@acme/music-corpus', { cwd })).name).toBe('acme');
  });

  it('should use a custom registry', async () => {
    const registry = createLoaderRegistry();
    registry.register({ specificationVersion: 'v1', name: 'custom', create: () => ({}) as never });
    expect((await resolveDataLoader('custom', { registry, cwd: '/' })).name).toBe('custom');
  });

  it('should reject a module whose export is not a plugin, naming the export and what v1 expects', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(path.join(cwd, 'bad.mjs'), "export default { name: 'bad', create() {} };\n");
    const error = await resolutionError('./bad.mjs', cwd);
    expect(error.code).toBe('LOADER_INVALID');
    expect(error.message).toContain('Export "default"');
    expect(error.message).toContain("specificationVersion: 'v1'");
  });

  it('should reject a module with neither a default nor a dataLoader export', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(path.join(cwd, 'empty.mjs'), 'export const somethingElse = 1;\n');
    const error = await resolutionError('./empty.mjs', cwd);
    expect(error.code).toBe('LOADER_INVALID');
    expect(error.message).toContain('neither "default" nor "dataLoader"');
  });

  it('should say explicitly when a plugin targets another spec version', async () => {
    const cwd = await createTemporaryDirectory();
    await installPackage(cwd, 'tp2dg-data-loader-future', pluginSource('future', undefined, 'v2'));
    const error = await resolutionError('future', cwd);
    expect(error.code).toBe('LOADER_INVALID');
    expect(error.message).toContain('specificationVersion "v2"');
    expect(error.message).toContain('only supports "v1"');
  });

  it('should report a module that throws while importing as LOADER_INVALID', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(path.join(cwd, 'broken.mjs'), "throw new Error('boom');\n");
    const error = await resolutionError('./broken.mjs', cwd);
    expect(error.code).toBe('LOADER_INVALID');
    expect(error.message).toContain('boom');
  });

  it('should treat an installed package whose entry file is missing as invalid, not absent', async () => {
    const cwd = await createTemporaryDirectory();
    await installPackage(cwd, 'tp2dg-data-loader-half', pluginSource('half'));
    await writeFile(
      path.join(cwd, 'node_modules', 'tp2dg-data-loader-half', 'package.json'),
      JSON.stringify({ name: 'tp2dg-data-loader-half', type: 'module', exports: './missing.js' }),
    );
    const error = await resolutionError('half', cwd);
    expect(error.code).toBe('LOADER_INVALID');
    expect(error.message).toContain('tp2dg-data-loader-half');
  });

  it('should fail with LOADER_NOT_FOUND listing the registered names and every candidate tried', async () => {
    const cwd = await createTemporaryDirectory();
    const error = await resolutionError('nosuch', cwd);
    expect(error.code).toBe('LOADER_NOT_FOUND');
    for (const tried of [
      'registered: reference',
      '@tp2dg/data-loader-nosuch',
      'tp2dg-data-loader-nosuch',
      ', nosuch,',
      path.join(cwd, 'nosuch'),
      'Install',
      'pass a path',
    ]) {
      expect(error.message).toContain(tried);
    }
    expect(error.message).not.toContain('\n');
  });

  it('should not mistake a Node built-in for a plugin', async () => {
    const error = await resolutionError('fs', await createTemporaryDirectory());
    expect(error.code).toBe('LOADER_NOT_FOUND');
  });
});
