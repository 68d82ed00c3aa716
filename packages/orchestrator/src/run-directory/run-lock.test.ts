import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LockHolder, LockHolderSchema } from './lock-holder.js';
import { acquireRunLock, LOCK_TTL_MS, runLockFile } from './run-lock.js';

let root: string;
let corpusRoot: string;
let warnings: string[];
const options = () => ({ onWarning: (message: string) => warnings.push(message), onLost: () => {} });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tp2dg-lock-'));
  corpusRoot = join(root, 'model', 'corpus');
  warnings = [];
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** A lock another process left: its holder record, refreshed `idleMs` ago. */
async function leaveLock(holder: LockHolder, idleMs = 0): Promise<string> {
  const file = runLockFile(corpusRoot, undefined);
  await mkdir(file, { recursive: true });
  await writeFile(join(file, 'holder.json'), JSON.stringify(holder));
  const refreshed = new Date(Date.now() - idleMs);
  await utimes(file, refreshed, refreshed);
  return file;
}

/** The pid of a process that has ended. */
function endedPid(): number {
  const ended = spawnSync(process.execPath, ['-e', '']);
  if (ended.pid === undefined) throw new Error('could not start a process');
  return ended.pid;
}

describe('acquireRunLock', () => {
  it('should create the run directory, record who holds the lock, and remove the lock when released', async () => {
    const lock = await acquireRunLock(corpusRoot, undefined, options());
    expect(lock.file).toBe(join(corpusRoot, '.run.lock'));
    const holder = LockHolderSchema.parse(JSON.parse(await readFile(join(lock.file, 'holder.json'), 'utf8')));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });
    await lock[Symbol.asyncDispose]();
    expect(existsSync(lock.file)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('should refuse a second writer at once, naming the holder and the lock', async () => {
    await using held = await acquireRunLock(corpusRoot, undefined, options());
    const second = acquireRunLock(corpusRoot, undefined, options());
    await expect(second).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(
        `${held.file}: another run is writing to this run directory (pid ${process.pid} on ${hostname()}, started 20`,
      ),
    });
  });

  it('should lock each shard apart, so shards share a run directory', async () => {
    await using first = await acquireRunLock(corpusRoot, { index: 1, count: 2 }, options());
    await using second = await acquireRunLock(corpusRoot, { index: 2, count: 2 }, options());
    expect([first.file, second.file]).toEqual([
      join(corpusRoot, '.run-shard-1-of-2.lock'),
      join(corpusRoot, '.run-shard-2-of-2.lock'),
    ]);
  });

  it('should take over, with a warning, a lock whose process is gone on this host', async () => {
    const pid = endedPid();
    await leaveLock({ pid, host: hostname(), started_at: '2025-01-01T00:00:00.000Z' });
    await using lock = await acquireRunLock(corpusRoot, undefined, options());
    expect(JSON.parse(await readFile(join(lock.file, 'holder.json'), 'utf8')).pid).toBe(process.pid);
    expect(warnings).toEqual([
      `${lock.file}: took over the lock of a run that died (pid ${pid} on ${hostname()}, started 2025-01-01T00:00:00.000Z; process ${pid} is not running).`,
    ]);
  });

  it('should take over, with a warning, a lock from another host not refreshed within the TTL', async () => {
    await leaveLock(
      { pid: 4242, host: 'elsewhere', started_at: '2025-01-01T00:00:00.000Z' },
      LOCK_TTL_MS + 60_000,
    );
    await using _lock = await acquireRunLock(corpusRoot, undefined, options());
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/pid 4242 on elsewhere, .*not refreshed for 1[12]\d s/);
  });

  it('should leave a fresh lock from another host alone, whatever runs here under its pid', async () => {
    await leaveLock({ pid: endedPid(), host: 'elsewhere', started_at: '2025-01-01T00:00:00.000Z' });
    await expect(acquireRunLock(corpusRoot, undefined, options())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('on elsewhere'),
    });
    expect(warnings).toEqual([]);
  });

  it('should keep its lock through its refreshes, the holder recorded inside it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const lost: string[] = [];
      await using lock = await acquireRunLock(corpusRoot, undefined, {
        onWarning: () => {},
        onLost: (message) => lost.push(message),
      });
      const refreshed = (await stat(lock.file)).mtimeMs;
      for (let refresh = 0; refresh < 3; refresh += 1) await vi.advanceTimersByTimeAsync(10_000);
      await vi.waitFor(async () => expect((await stat(lock.file)).mtimeMs).toBeGreaterThan(refreshed));
      expect(lost).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('should tell the run when another run took its lock over, at the next refresh', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const lost: string[] = [];
      await using lock = await acquireRunLock(corpusRoot, undefined, {
        onWarning: () => {},
        onLost: (message) => lost.push(message),
      });
      // What a takeover leaves: the lock refreshed by someone else.
      const elsewhere = new Date(Date.now() - 5_000);
      await utimes(lock.file, elsewhere, elsewhere);
      await vi.advanceTimersByTimeAsync(10_000);
      await vi.waitFor(() => expect(lost).toHaveLength(1));
      expect(lost[0]).toMatch(
        new RegExp(`^${lock.file}: lost the run lock .*another run may be writing here`),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('should report an unwritable place as a write error naming it', async () => {
    await writeFile(join(root, 'model'), 'a file where the model folder goes');
    await expect(acquireRunLock(corpusRoot, undefined, options())).rejects.toMatchObject({
      code: 'OUTPUT_WRITE',
      message: expect.stringMatching(
        new RegExp(`^${corpusRoot}: a file stands where a folder of this path should be \\(ENOTDIR\\)`),
      ),
    });
  });
});
