import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonlDataLoader } from '@tp2dg/data-loader-jsonl';
import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { checkSourceOptions, readSourceOptions } from './source-options.js';

async function failure(run: () => Promise<unknown>): Promise<Tp2dgError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

describe('readSourceOptions', () => {
  it('should read a config file and let --source-option override it, keeping = in values', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp2dg-cli-options-'));
    await writeFile(
      join(dir, 'loader.json'),
      JSON.stringify({ dir: 'corpus', users: ['a', 'b'], strict: true }),
    );
    const options = await readSourceOptions(
      { sourceConfig: 'loader.json', sourceOption: ['strict=false', 'sampleSeed=x=y'] },
      dir,
    );
    expect(options).toEqual({ dir: 'corpus', users: ['a', 'b'], strict: 'false', sampleSeed: 'x=y' });
  });

  it('should give no options when neither flag is used', async () => {
    expect(await readSourceOptions({}, '/')).toEqual({});
  });

  it('should refuse a pair without =, and a config that is not a JSON object', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tp2dg-cli-options-'));
    expect((await failure(() => readSourceOptions({ sourceOption: ['strict'] }, dir))).message).toContain(
      'is not key=value',
    );
    await writeFile(join(dir, 'list.json'), '[1, 2]');
    await writeFile(join(dir, 'broken.json'), '{"dir": ');
    expect((await failure(() => readSourceOptions({ sourceConfig: 'list.json' }, dir))).message).toContain(
      'expected a JSON object',
    );
    const broken = await failure(() => readSourceOptions({ sourceConfig: 'broken.json' }, dir));
    expect(broken.message).toContain(`--source-config ${join(dir, 'broken.json')}: not valid JSON`);
    expect((await failure(() => readSourceOptions({ sourceConfig: 'absent.json' }, dir))).code).toBe(
      'INVALID_ARGUMENT',
    );
  });
});

describe('checkSourceOptions', () => {
  it("should check options against the plugin's own schema", async () => {
    await expect(
      checkSourceOptions(jsonlDataLoader, { strict: 'true', file: 'x.jsonl' }),
    ).resolves.toBeUndefined();
    const error = await failure(() => checkSourceOptions(jsonlDataLoader, { fiel: 'x.jsonl' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('Data loader "jsonl"');
    expect(error.message).toContain('fiel');
  });

  it('should leave options to a plugin that declares no schema', async () => {
    const plugin = { specificationVersion: 'v1', name: 'bare', create: () => ({}) as never } as const;
    await expect(checkSourceOptions(plugin, { anything: '1' })).resolves.toBeUndefined();
  });
});
