import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../test-helpers.js';
import { CacheLedger } from './cache-ledger.js';

const ledgerPath = async () => join(await temporaryFolder(), 'gemini-caches.jsonl');
const cache = (id: number, expiresAt = 1_000) => ({ name: `cachedContents/c${id}`, tokens: 4096, expiresAt });

describe('CacheLedger', () => {
  it('should give a later run the latest state of each cache of its account, without the deleted', async () => {
    const path = await ledgerPath();
    const ledger = await CacheLedger.open(path, 'account-a');
    await ledger.record('key-1', cache(1));
    await ledger.record('key-2', cache(2));
    // Extended, then the other deleted.
    await ledger.record('key-1', cache(1, 2_000));
    await ledger.recordDeleted('key-2', cache(2));
    await (await CacheLedger.open(path, 'account-b')).record('key-3', cache(3));

    const reopened = await CacheLedger.open(path, 'account-a');
    expect(reopened.live()).toEqual([{ key: 'key-1', account: 'account-a', cache: cache(1, 2_000) }]);
    expect(reopened.torn).toBeUndefined();
  });

  it('should skip a torn last line and say so, and rewrite only what is alive when compacted', async () => {
    const path = await ledgerPath();
    const ledger = await CacheLedger.open(path, 'account-a');
    await ledger.record('key-1', cache(1));
    await ledger.record('key-2', cache(2));
    await ledger.recordDeleted('key-2', cache(2));
    await appendFile(path, '{"key":"key-4","account":"acc');
    const reopened = await CacheLedger.open(path, 'account-a');
    expect(reopened.torn).toMatchObject({ line: 4 });
    expect(reopened.live().map((entry) => entry.key)).toEqual(['key-1']);
    await reopened.compact();
    // The next record starts on a line of its own after the rewrite.
    await reopened.record('key-5', cache(5));
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).key)).toEqual(['key-1', 'key-5']);
  });
});
