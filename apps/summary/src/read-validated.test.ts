import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FailureRecordSchema, ProfilingFileSchema } from '@tp2dg/entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonFile, readJsonLinesFile } from './read-validated.js';

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tp2dg-summary-read-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('readJsonFile', () => {
  it('should name the first schema problem and how many more there are', async () => {
    await writeFile(join(folder, 'profiling.json'), JSON.stringify({ user: { user_id: 'u' }, summary: {} }));
    const result = await readJsonFile(
      join(folder, 'profiling.json'),
      'u/profiling.json',
      ProfilingFileSchema,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.invalid.file).toBe('u/profiling.json');
    expect(result.invalid.problem).toMatch(/^user\.age_group: .+ \(and 6 more problems\)$/);
  });

  it('should report broken JSON and missing files without throwing', async () => {
    await writeFile(join(folder, 'broken.json'), '{"user":');
    const broken = await readJsonFile(join(folder, 'broken.json'), 'broken.json', ProfilingFileSchema);
    const missing = await readJsonFile(join(folder, 'absent.json'), 'absent.json', ProfilingFileSchema);
    expect(broken).toMatchObject({
      ok: false,
      invalid: { problem: expect.stringMatching(/^not valid JSON: /) },
    });
    expect(missing).toEqual({ ok: false, invalid: { file: 'absent.json', problem: 'file is missing' } });
  });
});

describe('readJsonLinesFile', () => {
  it('should keep valid lines and report each bad one with its line number', async () => {
    const good = { session_id: 's', user_id: null, stage: 'load', code: 'X', reason: 'r' };
    const lines = [JSON.stringify(good), JSON.stringify({ ...good, stage: 'later' }), '', 'nope'];
    await writeFile(join(folder, 'failures.jsonl'), `${lines.join('\n')}\n`);
    const result = await readJsonLinesFile(
      join(folder, 'failures.jsonl'),
      'failures.jsonl',
      FailureRecordSchema,
    );
    // Records from before failures named their agent and turn read as not at one call.
    expect(result.values).toEqual([{ ...good, agent: null, turn: null }]);
    expect(result.invalid.map((invalid) => invalid.file)).toEqual(['failures.jsonl:2', 'failures.jsonl:4']);
    expect(result.invalid[0]?.problem).toMatch(/^stage: /);
  });
});
