import type { DataLoaderV1 } from '@tp2dg/data-loaders';
import type { Session, Shard } from '@tp2dg/entities';
import { manifestFile, recordRunStart } from '../manifest/run-manifest.js';
import { folderSettingsOf } from '../resume-check.js';
import type { RunEvent, RunGenerationOptions } from '../run-types.js';
import { sessionsInShard } from '../shard.js';
import { assertClearable } from './assert-clearable.js';
import { clearRun } from './clear-run.js';
import { acquireRunLock, type RunLock } from './run-lock.js';

export interface PrepareRunDirectoryHooks {
  onEvent: (event: RunEvent) => void;
  /** Called when another run took the lock over while this one runs: it must stop. */
  onLockLost: () => void;
}

/**
 * Makes the run directory this run's alone before anything is written there: takes its lock
 * (per shard), clears it when the run starts over (`fresh`), then checks the run's settings
 * against its manifest and records this start, before any call is paid for. The lock is held
 * until the returned handle is disposed; it is released here if preparing fails.
 */
export async function prepareRunDirectory(
  corpusRoot: string,
  loader: DataLoaderV1,
  options: RunGenerationOptions,
  hooks: PrepareRunDirectoryHooks,
): Promise<RunLock> {
  const warn = (message: string) => hooks.onEvent({ type: 'warning', message });
  if (options.fresh) await assertClearable(corpusRoot, options.loaderOptions.dataDir, options.cwd);
  const lock = await acquireRunLock(corpusRoot, options.shard, {
    onWarning: warn,
    onLost: (message) => {
      warn(message);
      hooks.onLockLost();
    },
  });
  try {
    if (options.fresh) {
      const { shard } = options;
      const kept = await clearRun(
        corpusRoot,
        shard === undefined ? undefined : { shard, sessions: readShardSessions(options, shard) },
      );
      if (kept !== undefined) warn(kept);
    }
    await recordRunStart(manifestFile(corpusRoot, options.shard), manifestContent(loader, options), {
      force: options.force ?? false,
      now: new Date(),
    });
    return lock;
  } catch (error) {
    await lock[Symbol.asyncDispose]();
    throw error;
  }
}

function manifestContent(loader: DataLoaderV1, options: RunGenerationOptions) {
  const manifest = options.manifest;
  const settings = {
    ...folderSettingsOf(options),
    source: loader.id,
    corpus: loader.corpus,
    profile_size: options.loaderOptions.profileSize,
    pool_size: options.loaderOptions.poolSize ?? null,
    max_reasks: options.maxReasks,
    keep_short: options.keepShort ?? false,
    // What the agents write in, and whether the Listener reads lyrics: both change the answers.
    language: options.language,
    listener_lyrics: options.listenerLyrics ?? false,
    ...manifest?.settings,
  };
  return {
    settings,
    run_options: manifest?.runOptions ?? {},
    versions: manifest?.versions ?? {},
    corpus_licence: options.plugin.licence ?? null,
  };
}

/**
 * This shard's sessions, from a loader of their own: the run's loader reports its skips to
 * the failure log, and this extra reading must not report them twice.
 */
async function* readShardSessions(options: RunGenerationOptions, shard: Shard): AsyncGenerator<Session> {
  const reader = await options.plugin.create({ ...options.loaderOptions, onSkip: () => {} });
  try {
    yield* sessionsInShard(reader.sessions(), shard);
  } finally {
    await reader.close?.();
  }
}
