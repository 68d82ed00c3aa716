import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ModelProviderPluginV1 } from '../spec/v1/index.js';
import {
  createTemporaryDirectory,
  removeTemporaryDirectories,
} from '../test-support/temporary-directories.js';
import { parseProviderOptions, readProviderOptions } from './provider-options.js';

afterAll(removeTemporaryDirectories);

async function failure(run: () => Promise<unknown>): Promise<Tp2dgError> {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

const plugin = {
  specificationVersion: 'v1',
  name: 'tiers',
  optionsSchema: z.strictObject({
    rpm: z.number().int().positive().optional(),
    tier: z.enum(['flex', 'standard']).default('standard'),
    batch: z.strictObject({ settleMs: z.number(), pollMs: z.number().optional() }).optional(),
  }),
  create: () => {
    throw new Error('not created in these tests');
  },
} satisfies ModelProviderPluginV1<unknown>;

describe('readProviderOptions', () => {
  it('should read the config file, parse values as JSON when they parse, and set dotted keys', async () => {
    const cwd = await createTemporaryDirectory();
    await writeFile(path.join(cwd, 'provider.json'), JSON.stringify({ rpm: 10, batch: { pollMs: 5 } }));
    const options = await readProviderOptions(
      { configFile: 'provider.json', pairs: ['rpm=60', 'tier=flex', 'batch.settleMs=500', 'note=a=b'] },
      cwd,
    );
    expect(options).toEqual({ rpm: 60, tier: 'flex', batch: { pollMs: 5, settleMs: 500 }, note: 'a=b' });
  });

  it('should refuse a pair without a key, and a config that is not a JSON object, naming the flag', async () => {
    const cwd = await createTemporaryDirectory();
    expect((await failure(() => readProviderOptions({ pairs: ['rpm'] }, cwd))).message).toContain(
      '--provider-option "rpm" is not key=value',
    );
    expect((await failure(() => readProviderOptions({ pairs: ['a..b=1'] }, cwd))).code).toBe(
      'INVALID_ARGUMENT',
    );
    await writeFile(path.join(cwd, 'list.json'), '[]');
    expect((await failure(() => readProviderOptions({ configFile: 'list.json' }, cwd))).message).toContain(
      `--provider-config ${path.join(cwd, 'list.json')}: expected a JSON object`,
    );
  });
});

describe('parseProviderOptions', () => {
  it("should return what the provider's schema makes of the options", async () => {
    expect(await parseProviderOptions(plugin, { rpm: 5 })).toEqual({ rpm: 5, tier: 'standard' });
  });

  it('should name the provider, the option, the value and the fix in one line', async () => {
    const error = await failure(() => parseProviderOptions(plugin, { tier: 'cheap' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('Model provider "tiers": option "tier"');
    expect(error.message).toContain('(got "cheap")');
    expect(error.message).toContain('--provider-option tier=VALUE');
    expect(error.message).not.toContain('\n');
    const nested = await failure(() => parseProviderOptions(plugin, { batch: { settleMs: 'soon' } }));
    expect(nested.message).toContain('option "batch.settleMs"');
    expect(nested.message).toContain('(got "soon")');
  });
});
