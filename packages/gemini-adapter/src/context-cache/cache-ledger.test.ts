import { spawnSync } from 'node:child_process';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolder } from '../test-helpers.js';
import { CacheLedger, THIS_PROCESS } from './cache-ledger.js';

const ledgerPath = async () => join(await temporaryFolder(), 'gemini-caches.jsonl');
const NOW = 1_000_000;
const cache = (id: number, expiresAt = NOW + 60_000) => ({
  name: `cachedContents/c${id}`,
  tokens: 4096,
  expiresAt,
});
/** The pid of a process that has ended: a killed run's. */
const killedRun = () => ({ host: THIS_PROCESS.host, pid: spawnSync(process.execPath, ['-e', '']).pid ?? -1 });

describe('CacheLedger', () => {
  it('should give a later run the caches a gone process left alive, the latest state of each, for its account', async () => {
    const path = await ledgerPath();
    const killed = await CacheLedger.open(path, 'account-a', killedRun());
    await killed.record('key-1', cache(1));
    await killed.record('key-2', cache(2));
    // Extended, then the other deleted.
    await killed.record('key-1', cache(1, NOW + 120_000));
    await killed.recordDeleted('key-2', cache(2));
    await (await CacheLedger.open(path, 'account-b', killedRun())).record('key-3', cache(3));

    const next = await CacheLedger.open(path, 'account-a');
    expect(next.leftAtOpen(NOW)).toMatchObject([{ key: 'key-1', cache: cache(1, NOW + 120_000) }]);
    expect(next.torn).toBeUndefined();
  });

  it("should leave a running process's caches alone, on this host or, until an hour past their expiry, another", async () => {
    const path = await ledgerPath();
    await (await CacheLedger.open(path, 'account-a')).record('key-1', cache(1));
    const elsewhere = { host: `not-${THIS_PROCESS.host}`, pid: 1 };
    await (await CacheLedger.open(path, 'account-a', elsewhere)).record('key-2', cache(2, NOW - 30 * 60_000));
    const other = await CacheLedger.open(path, 'account-a', killedRun());
    expect(other.leftAtOpen(NOW)).toEqual([]);
    // An hour and more past the expiry of its last cache, the other host's process counts as gone.
    expect((await other.leftNow(NOW + 31 * 60_000)).map((entry) => entry.key)).toEqual(['key-2']);
  });

  it('should skip a torn last line, and compact only once no other process may still append', async () => {
    const path = await ledgerPath();
    const ledger = await CacheLedger.open(path, 'account-a', killedRun());
    await ledger.record('key-1', cache(1));
    await ledger.record('key-2', cache(2));
    await ledger.recordDeleted('key-2', cache(2));
    await appendFile(path, '{"key":"key-4","account":"acc');
    const running = await CacheLedger.open(path, 'account-a');
    expect(running.torn).toMatchObject({ line: 4 });
    await running.record('key-5', cache(5));
    // Another process that may still append: no rewrite under it.
    await (await CacheLedger.open(path, 'account-a', killedRun())).compact(NOW);
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(5);
    await running.compact(NOW);
    // The next record starts on a line of its own after the rewrite.
    await running.record('key-6', cache(6));
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).key)).toEqual(['key-1', 'key-5', 'key-6']);
  });
});
