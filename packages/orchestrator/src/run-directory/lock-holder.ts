import { readFile, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { replaceFile, tryParseJson } from '@tp2dg/entities';
import { z } from 'zod';

/** Who holds a run lock: what a second run needs to name it, and to tell whether it died. */
export const LockHolderSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  started_at: z.string(),
});
export type LockHolder = z.infer<typeof LockHolderSchema>;

/** A lock found on disk: its holder (unknown until recorded) and how long since it was refreshed. */
export interface FoundLock {
  holder: LockHolder | undefined;
  idleMs: number;
}

const HOLDER_FILE = 'holder.json';

export function currentHolder(now: Date): LockHolder {
  return { pid: process.pid, host: hostname(), started_at: now.toISOString() };
}

/** Recorded inside the lock directory, so it goes whenever the lock goes. */
export function recordHolder(lockDirectory: string, holder: LockHolder): Promise<void> {
  return replaceFile(join(lockDirectory, HOLDER_FILE), `${JSON.stringify(holder)}\n`);
}

/** The lock at `lockDirectory`, or undefined when there is none. */
export async function findLock(lockDirectory: string): Promise<FoundLock | undefined> {
  const found = await stat(lockDirectory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (found === undefined) return undefined;
  const text = await readFile(join(lockDirectory, HOLDER_FILE), 'utf8').catch(() => '');
  const parsed = LockHolderSchema.safeParse(tryParseJson(text));
  return { holder: parsed.success ? parsed.data : undefined, idleMs: Date.now() - found.mtimeMs };
}

/** `pid 123 on host-a, started 2025-01-01T10:00:00.000Z`, or what is known of a holder. */
export function describeHolder(holder: LockHolder | undefined): string {
  return holder === undefined
    ? 'a run that has not recorded itself yet'
    : `pid ${holder.pid} on ${holder.host}, started ${holder.started_at}`;
}

/**
 * Why a found lock no longer protects anything, or undefined while its holder may be alive.
 * A holder refreshes its lock every few seconds, so one idle past `ttlMs` is gone on any host;
 * on this host a holder whose process has ended is gone at once.
 */
export function staleReason(lock: FoundLock, ttlMs: number): string | undefined {
  if (lock.idleMs > ttlMs) return `not refreshed for ${Math.round(lock.idleMs / 1000)} s`;
  const { holder } = lock;
  if (holder !== undefined && holder.host === hostname() && !isRunning(holder.pid)) {
    return `process ${holder.pid} is not running`;
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
