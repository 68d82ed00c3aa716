import * as fs from 'node:fs';
import { mkdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { isShardFileName, outputWriteError, type Shard, shardFileName, Tp2dgError } from '@tp2dg/entities';
import { lock } from 'proper-lockfile';
import { currentHolder, describeHolder, findLock, recordHolder, staleReason } from './lock-holder.js';

/** A lock not refreshed for this long belongs to a run that died, wherever it ran. */
export const LOCK_TTL_MS = 60_000;
const LOCK_REFRESH_MS = 10_000;

/** One writer's claim on a run directory (or one shard of it); `await using` releases it. */
export interface RunLock extends AsyncDisposable {
  /** The lock directory, `<run directory>/.run.lock` (per shard `.run-shard-i-of-n.lock`). */
  readonly file: string;
}

export interface RunLockOptions {
  /** Told when a lock left by a run that died is taken over. */
  onWarning: (message: string) => void;
  /** Told when the lock is lost while the run goes on (taken over by another run): the run must stop. */
  onLost: (message: string) => void;
}

/** The lock directory of a run directory and shard. */
export function runLockFile(corpusRoot: string, shard: Shard | undefined): string {
  return join(corpusRoot, shardFileName('.run', '.lock', shard));
}

/** Whether an entry of a run directory is the lock of some shard (or of the whole run). */
export function isRunLockName(name: string): boolean {
  return isShardFileName(name, '.run', '.lock');
}

/**
 * proper-lockfile removes a lock with rmdir; the holder record inside must go with it, on
 * release, on a stale takeover and in its exit handler (which also runs on SIGINT and SIGTERM).
 */
const lockFs = {
  ...fs,
  rmdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void) =>
    fs.rm(path, { recursive: true, force: true }, callback),
  rmdirSync: (path: string) => fs.rmSync(path, { recursive: true, force: true }),
};

/**
 * Takes the run directory's lock before anything is written there, so two runs never pay
 * for the same sessions. A second run is refused at once, naming the holder. A lock whose
 * holder died (not refreshed within `LOCK_TTL_MS`, or its process gone on this host) is taken
 * over with a warning. proper-lockfile makes the lock an atomic mkdir and refreshes its mtime.
 */
export async function acquireRunLock(
  corpusRoot: string,
  shard: Shard | undefined,
  options: RunLockOptions,
): Promise<RunLock> {
  const file = runLockFile(corpusRoot, shard);
  await mkdir(corpusRoot, { recursive: true }).catch((error: unknown) => {
    throw outputWriteError(corpusRoot, error);
  });
  const takenOver = await removeIfStale(file);
  const release = await lockOrRefuse(file, options.onLost);
  try {
    // proper-lockfile checks at each refresh that the lock's mtime is still the one it set,
    // or calls the lock lost; writing the holder inside changes it, so it is put back.
    const { mtime } = await stat(file);
    await recordHolder(file, currentHolder(new Date()));
    await utimes(file, mtime, mtime);
  } catch (error) {
    await release();
    throw outputWriteError(file, error);
  }
  if (takenOver !== undefined)
    options.onWarning(`${file}: took over the lock of a run that died (${takenOver}).`);
  return {
    file,
    // A lock that could not be removed is taken over by the next run: nothing to report here.
    [Symbol.asyncDispose]: () => release().catch(() => undefined),
  };
}

/** Removes a lock whose holder died; returns what is known of that holder, for the warning. */
async function removeIfStale(file: string): Promise<string | undefined> {
  const found = await findLock(file);
  const stale = found === undefined ? undefined : staleReason(found, LOCK_TTL_MS);
  if (stale === undefined) return undefined;
  await rm(file, { recursive: true, force: true }).catch((error: unknown) => {
    throw outputWriteError(file, error);
  });
  return `${describeHolder(found?.holder)}; ${stale}`;
}

/** Takes the lock, or refuses at once naming its holder: a second run must not wait and pay twice. */
async function lockOrRefuse(file: string, onLost: (message: string) => void): Promise<() => Promise<void>> {
  try {
    return await lock(file, {
      lockfilePath: file,
      realpath: false,
      stale: LOCK_TTL_MS,
      update: LOCK_REFRESH_MS,
      retries: 0,
      fs: lockFs,
      onCompromised: (error) =>
        onLost(
          `${file}: lost the run lock (${error.message}); another run may be writing here, so this one stops.`,
        ),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
      throw outputWriteError(file, error);
    }
    const holder = (await findLock(file))?.holder;
    throw new Tp2dgError(
      'INVALID_ARGUMENT',
      `${file}: another run is writing to this run directory (${describeHolder(holder)}). ` +
        'Wait for it to end or stop it; a lock left by a run that died is taken over by the next run.',
    );
  }
}
