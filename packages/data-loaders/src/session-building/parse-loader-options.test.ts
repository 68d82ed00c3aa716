import { Tp2dgError } from '@tp2dg/entities';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseLoaderOptions } from './parse-loader-options.js';
import { SessionBuildingOptionsSchema } from './session-building-options.js';

const schema = z.strictObject({ ...SessionBuildingOptionsSchema.shape, dir: z.string().optional() });

async function failure(options: unknown): Promise<Tp2dgError> {
  const error = await parseLoaderOptions('mpd', schema, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!Tp2dgError.isInstance(error)) throw new Error(`expected a Tp2dgError, got ${String(error)}`);
  return error;
}

describe('parseLoaderOptions', () => {
  it('should fill in the shared defaults when no options are given', async () => {
    expect(await parseLoaderOptions('mpd', schema, undefined)).toEqual({
      sample: 1,
      sampleSeed: '0',
    });
  });

  it('should coerce command-line strings and split a user list', async () => {
    const parsed = await parseLoaderOptions('mpd', schema, {
      sample: '0.5',
      minPool: '3',
      users: 'u1, u2,,u3',
      dateFrom: '2019-01-01',
    });
    expect(parsed).toMatchObject({
      sample: 0.5,
      minPool: 3,
      users: ['u1', 'u2', 'u3'],
      dateFrom: '2019-01-01',
    });
  });

  it('should take a JSON array of users from a config file', async () => {
    expect((await parseLoaderOptions('mpd', schema, { users: ['a', 42] })).users).toEqual(['a', '42']);
  });

  it('should name the loader, the option, the value and the fix in one line', async () => {
    const error = await failure({ minPool: '0' });
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(
      /^Data loader "mpd": option "minPool": .*\(got "0"\)\. Fix --source-option minPool=VALUE/,
    );
    expect(error.message).not.toContain('\n');
  });

  it('should reject a date that is not YYYY-MM-DD', async () => {
    expect((await failure({ dateTo: '2019-13-45' })).message).toContain('option "dateTo"');
    expect((await failure({ dateFrom: '1/2/2019' })).message).toContain('YYYY-MM-DD');
  });

  it('should reject an unknown option instead of ignoring a typo', async () => {
    const error = await failure({ minpool: 2 });
    expect(error.message).toContain('minpool');
    expect(error.message).toContain('Data loader "mpd"');
  });
});
