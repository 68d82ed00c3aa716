import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { installPackage } from '@tp2dg/plugin-resolution/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createTemporaryDirectory,
  removeTemporaryDirectories,
} from '../test-support/temporary-directories.js';
import { resolveModelProvider } from './resolve-model-provider.js';

afterAll(removeTemporaryDirectories);

// A plugin module needs no tp2dg import: a schema is anything with ["~standard"].validate.
const pluginSource = (name: string, exportLine = 'export default plugin;') =>
  `const optionsSchema = { '~standard': { version: 1, vendor: 'test', validate: (value) => ({ value }) } };
const plugin = { specificationVersion: 'v1', name: '${name}', optionsSchema, create() {} };
${exportLine}
`;

async function failure(source: string, cwd: string): Promise<Tp2dgError> {
  const error = await resolveModelProvider(source, { cwd }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

describe('resolveModelProvider', () => {
  it('should return the registered simulated provider without touching the file system', async () => {
    expect((await resolveModelProvider('simulated', { cwd: '/nonexistent' })).name).toBe('simulated');
  });

  it('should find tp2dg-provider-<name> exported as modelProvider, after @tp2dg/provider-<name>', async () => {
    const cwd = await createTemporaryDirectory();
    await installPackage(
      cwd,
      'tp2dg-provider-echo',
      pluginSource('community', 'export const modelProvider = plugin;'),
    );
    expect((await resolveModelProvider('echo', { cwd })).name).toBe('community');
    await installPackage(cwd, '@tp2dg/provider-echo', pluginSource('first-party'));
    expect((await resolveModelProvider('echo', { cwd })).name).toBe('first-party');
  });

  it('should import a module file relative to cwd', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(path.join(cwd, 'mine.mjs'), pluginSource('mine'));
    expect((await resolveModelProvider('./mine.mjs', { cwd })).name).toBe('mine');
  });

  it('should name the export and what is wrong with it', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(
      path.join(cwd, 'bad.mjs'),
      "export default { specificationVersion: 'v1', name: 'bad', create() {} };\n",
    );
    const error = await failure('./bad.mjs', cwd);
    expect(error.code).toBe('PROVIDER_INVALID');
    expect(error.message).toContain('Export "default" of model provider');
    expect(error.message).toContain('"optionsSchema" must be');
  });

  it('should fail with PROVIDER_NOT_FOUND listing the registered names and every candidate tried', async () => {
    const cwd = await createTemporaryDirectory();
    const error = await failure('nosuch', cwd);
    expect(error.code).toBe('PROVIDER_NOT_FOUND');
    for (const tried of [
      'registered: simulated',
      '@tp2dg/provider-nosuch',
      'tp2dg-provider-nosuch',
      'Install',
    ]) {
      expect(error.message).toContain(tried);
    }
    expect(error.message).not.toContain('\n');
  });
});
