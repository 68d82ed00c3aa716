import { dirname } from 'node:path';
import { acquireRunLock, type RunLock, type RunLockOptions } from '@tp2dg/orchestrator';

/**
 * Takes the lock of every run directory the session folders belong to (`<run>/<user>/<session>`),
 * the one a generating run takes, before anything is judged: two evaluations of a run would pay
 * for the same judgements, and an evaluation beside a generation (or its `--fresh`) would judge
 * what is being rewritten. All or none: a refused lock releases those already taken.
 */
export async function lockRunDirectories(
  sessionFolders: readonly string[],
  options: RunLockOptions,
): Promise<AsyncDisposable> {
  const runDirectories = [...new Set(sessionFolders.map((folder) => dirname(dirname(folder))))].sort();
  const locks: RunLock[] = [];
  const releaseAll = () => Promise.all(locks.map((lock) => lock[Symbol.asyncDispose]())).then(() => {});
  try {
    for (const directory of runDirectories) locks.push(await acquireRunLock(directory, undefined, options));
  } catch (error) {
    await releaseAll();
    throw error;
  }
  return { [Symbol.asyncDispose]: releaseAll };
}
