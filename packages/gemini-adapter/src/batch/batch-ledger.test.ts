import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../test-helpers.js';
import { BatchLedger } from './batch-ledger.js';

describe('BatchLedger', () => {
  it('should find the jobs of its account and model not yet collected, by key, in a later run', async () => {
    const file = join(await temporaryFolder(), 'gemini-batches.jsonl');
    const first = await BatchLedger.open(file, 'account', 'model');
    const kept = first.submitted('batches/1', ['a', 'b'], new Date('2026-12-15T00:00:00Z'));
    first.collected(first.submitted('batches/2', ['c'], new Date()));
    expect(first.jobHolding('c')).toBeUndefined();
    const otherModel = await BatchLedger.open(file, 'account', 'another-model');
    otherModel.submitted('batches/3', ['d'], new Date());

    const later = await BatchLedger.open(file, 'account', 'model');
    expect(later.jobHolding('b')).toEqual(kept);
    expect(later.jobHolding('c')).toBeUndefined();
    expect(later.jobHolding('d')).toBeUndefined();
    expect((await BatchLedger.open(file, 'another-account', 'model')).jobHolding('a')).toBeUndefined();
    later.collected(kept);
    expect((await BatchLedger.open(file, 'account', 'model')).jobHolding('a')).toBeUndefined();
  });

  it('should report a last line a kill cut short and record on a line of its own after it', async () => {
    const file = join(await temporaryFolder(), 'gemini-batches.jsonl');
    (await BatchLedger.open(file, 'account', 'model')).submitted('batches/1', ['a'], new Date());
    await appendFile(file, '{"job":"batches/2","acc');
    const reopened = await BatchLedger.open(file, 'account', 'model');
    expect(reopened.torn).toMatchObject({ line: 2 });
    reopened.submitted('batches/3', ['c'], new Date());
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines[2] as string)).toMatchObject({ job: 'batches/3' });
    expect((await BatchLedger.open(file, 'account', 'model')).jobHolding('c')?.job).toBe('batches/3');
  });
});
