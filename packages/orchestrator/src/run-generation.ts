import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedSession } from '@tp2dg/data-loaders';
import { type Session, sumUsage, Tp2dgError, ZERO_USAGE } from '@tp2dg/entities';
import { appendFailure } from './failure-log.js';
import { generateSessionFolder } from './generate-session-folder.js';
import { corpusFolder, sessionFolder } from './output-paths.js';
import { assertSameSettings } from './resume-check.js';
import type { RunGenerationOptions, RunReport } from './run-types.js';

/** Failures that end one session but not the run: the model, not the machine, is at fault. */
const SESSION_FAILURES = new Set(['AGENT_REPLY', 'MODEL_API', 'MODEL_TIMEOUT']);

/**
 * Generates a conversation for each session of a corpus, `concurrency` at a time. A session
 * whose folder already exists is kept (after checking it was made with the same settings),
 * so a run that stopped can be started again without paying twice. The first error that is
 * not a session's own failure stops the run and aborts the calls in flight.
 */
export async function runGeneration(options: RunGenerationOptions): Promise<RunReport> {
  const now = options.now ?? (() => performance.now());
  const emit = options.onEvent ?? (() => {});
  const maxConsecutiveFailures = options.maxConsecutiveFailures ?? 3;
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
  const settings = {
    provider: options.models.provider,
    model: options.models.model,
    seed: options.seed,
    prompts_hash: options.prompts.hash,
    response_format: options.responseFormat,
    turns_requested: options.turns,
  };
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  let consecutiveFailures = 0;

  async function recordSkips(): Promise<void> {
    for (const skip of skips.splice(0)) {
      report.skipped += 1;
      emit({ type: 'session-skipped', ...skip });
      const record = {
        session_id: skip.sessionId,
        user_id: null,
        stage: 'load',
        code: 'SKIPPED',
        reason: skip.reason,
      } as const;
      await appendFailure(failuresFile, record);
    }
  }

  async function processSession(session: Session): Promise<void> {
    const sessionId = session.session_id;
    const folder = sessionFolder(corpusRoot, session.user.user_id, sessionId);
    if (existsSync(join(folder, 'session.json'))) {
      await assertSameSettings(folder, settings);
      report.existing += 1;
      emit({ type: 'session-exists', sessionId, folder });
      return;
    }
    try {
      const run = { ...options, signal };
      const { conversation, written } = await generateSessionFolder({
        session,
        folder,
        source: loader.id,
        mediaRoot,
        run,
        now,
      });
      consecutiveFailures = 0;
      report.calls += conversation.calls.length;
      report.usage = sumUsage([report.usage, ...conversation.calls.map((call) => call.usage)]);
      if (!written) {
        report.existing += 1;
        emit({ type: 'session-exists', sessionId, folder });
        return;
      }
      report.written += 1;
      emit({
        type: 'session-written',
        sessionId,
        folder,
        turns: conversation.chat.length,
        calls: conversation.calls.length,
      });
    } catch (error) {
      if (!Tp2dgError.isInstance(error) || !SESSION_FAILURES.has(error.code) || signal.aborted) throw error;
      report.failed += 1;
      emit({ type: 'session-failed', sessionId, code: error.code, reason: error.message });
      const record = {
        session_id: sessionId,
        user_id: session.user.user_id,
        stage: 'generate',
        code: error.code,
        reason: error.message,
      } as const;
      await appendFailure(failuresFile, record);
      consecutiveFailures += 1;
      if (consecutiveFailures >= maxConsecutiveFailures) {
        throw new Tp2dgError(
          error.code,
          `${consecutiveFailures} sessions in a row failed, the last with: ${error.message}. ` +
            'The run stops here so it pays for no more; fix the cause and run again (finished sessions are kept).',
          { cause: error },
        );
      }
    }
  }

  const sessions = loader.sessions()[Symbol.asyncIterator]();
  // A plugin's iterator need not accept overlapping next() calls: workers take turns.
  let queue: Promise<unknown> = Promise.resolve();
  const nextSession = () => {
    const next = queue.then(() => sessions.next());
    queue = next.catch(() => undefined);
    return next;
  };
  let taken = 0;
  const limitReached = () => options.sessions !== undefined && taken >= options.sessions;
  let fatal: { error: unknown } | undefined;
  async function worker(): Promise<void> {
    try {
      while (fatal === undefined && !limitReached()) {
        const next = await nextSession();
        await recordSkips();
        if (next.done || fatal !== undefined || limitReached()) return;
        taken += 1;
        await processSession(next.value);
      }
    } catch (error) {
      // The first error wins; the other workers see it, and their calls in flight abort.
      fatal ??= { error };
      stop.abort();
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));
    await recordSkips();
  } finally {
    await loader.close?.();
  }
  if (fatal !== undefined) throw fatal.error;
  return report;
}
