import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResponseFormat } from '@tp2dg/agents';
import type { DataLoaderOptionsV1, DataLoaderPluginV1, SkippedSession } from '@tp2dg/data-loaders';
import {
  type GoalTemplate,
  type ModelPort,
  type Session,
  sumUsage,
  type TokenUsage,
  Tp2dgError,
  ZERO_USAGE,
} from '@tp2dg/entities';
import type { PromptSet } from '@tp2dg/prompts';
import { appendFailure } from './failure-log.js';
import { generateSessionFolder } from './generate-session-folder.js';
import { corpusFolder, sessionFolder } from './output-paths.js';

/** Gives each session its model: one shared client, or a simulated model fed that session. */
export interface ModelFactory {
  readonly provider: string;
  /** Names the model folder of the output layout. */
  readonly model: string;
  forSession(session: Session): ModelPort;
}

export interface RunGenerationOptions {
  plugin: DataLoaderPluginV1;
  loaderOptions: Omit<DataLoaderOptionsV1, 'onSkip'>;
  models: ModelFactory;
  prompts: PromptSet;
  catalog: readonly GoalTemplate[];
  outputDir: string;
  turns: number;
  seed: number;
  responseFormat: ResponseFormat;
  maxReasks: number;
  /** How many sessions to take from the corpus; all when absent. */
  sessions?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  now?: () => number;
}

export type RunEvent =
  | { type: 'session-written'; sessionId: string; folder: string; turns: number; calls: number }
  | { type: 'session-exists'; sessionId: string; folder: string }
  | { type: 'session-failed'; sessionId: string; code: string; reason: string }
  | { type: 'session-skipped'; sessionId: string; reason: string };

export interface RunReport {
  corpusRoot: string;
  written: number;
  existing: number;
  failed: number;
  skipped: number;
  calls: number;
  usage: TokenUsage;
}

/** Failures that end one session but not the run: the model, not the machine, is at fault. */
const SESSION_FAILURES = new Set(['AGENT_REPLY', 'MODEL_API', 'MODEL_TIMEOUT']);

/**
 * Generates a conversation for each session of a corpus. A session whose folder already
 * exists is left alone, so a run that stopped can be started again without paying twice.
 */
export async function runGeneration(options: RunGenerationOptions): Promise<RunReport> {
  const now = options.now ?? (() => performance.now());
  const emit = options.onEvent ?? (() => {});
  const skips: SkippedSession[] = [];
  const loader = await options.plugin.create({
    ...options.loaderOptions,
    onSkip: (skip) => skips.push(skip),
  });
  // Loaders emit symlink-free media paths; the root must be comparable with them.
  const dataDir = options.loaderOptions.dataDir;
  const mediaRoot = dataDir === undefined ? undefined : await realpath(dataDir).catch(() => dataDir);
  const corpusRoot = corpusFolder(options.outputDir, options.models.model, loader.corpus);
  const failuresFile = join(corpusRoot, 'failures.jsonl');
  const report: RunReport = {
    corpusRoot,
    written: 0,
    existing: 0,
    failed: 0,
    skipped: 0,
    calls: 0,
    usage: ZERO_USAGE,
  };

  async function recordSkips(): Promise<void> {
    for (const skip of skips.splice(0)) {
      report.skipped += 1;
      emit({ type: 'session-skipped', ...skip });
      await appendFailure(failuresFile, {
        session_id: skip.sessionId,
        user_id: null,
        stage: 'load',
        code: 'SKIPPED',
        reason: skip.reason,
      });
    }
  }

  try {
    let taken = 0;
    for await (const session of loader.sessions()) {
      await recordSkips();
      if (options.sessions !== undefined && taken >= options.sessions) break;
      taken += 1;
      const folder = sessionFolder(corpusRoot, session.user.user_id, session.session_id);
      if (existsSync(join(folder, 'session.json'))) {
        report.existing += 1;
        emit({ type: 'session-exists', sessionId: session.session_id, folder });
        continue;
      }
      try {
        const conversation = await generateSessionFolder({
          session,
          folder,
          source: loader.id,
          mediaRoot,
          run: options,
          now,
        });
        report.written += 1;
        report.calls += conversation.calls.length;
        report.usage = sumUsage([report.usage, ...conversation.calls.map((call) => call.usage)]);
        emit({
          type: 'session-written',
          sessionId: session.session_id,
          folder,
          turns: conversation.chat.length,
          calls: conversation.calls.length,
        });
      } catch (error) {
        if (!Tp2dgError.isInstance(error) || !SESSION_FAILURES.has(error.code)) throw error;
        report.failed += 1;
        emit({
          type: 'session-failed',
          sessionId: session.session_id,
          code: error.code,
          reason: error.message,
        });
        await appendFailure(failuresFile, {
          session_id: session.session_id,
          user_id: session.user.user_id,
          stage: 'generate',
          code: error.code,
          reason: error.message,
        });
      }
    }
    await recordSkips();
  } finally {
    await loader.close?.();
  }
  return report;
}
