import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedSession } from '@tp2dg/data-loaders';
import {
  addUsage,
  failureLogName,
  type Session,
  STANDARD_MEDIA_TYPES,
  Tp2dgError,
  unpricedModelError,
  ZERO_USAGE,
} from '@tp2dg/entities';
import { Budget } from './budget.js';
import { createCallPricer } from './call-pricer.js';
import { drainConcurrently } from './drain-concurrently.js';
import { expectedSessions } from './expected-sessions.js';
import { appendSkip } from './failure-log.js';
import { generateSessionFolder } from './generate-session-folder.js';
import { CallJournal } from './journal/call-journal.js';
import { limitCallsInFlight } from './limit-calls-in-flight.js';
import { corpusFolder, isFinished, journalFile, sessionFolder } from './output-paths.js';
import { assertResumable, folderSettingsOf } from './resume-check.js';
import { prepareRunDirectory } from './run-directory/prepare-run-directory.js';
import type { RunGenerationOptions, RunReport } from './run-types.js';
import { SessionFailures } from './session-failures.js';
import { inShard, sessionsInShard } from './shard.js';
import { widenSizeRange } from './size-range.js';
import { vetSessions } from './vetting/vet-sessions.js';

/**
 * Generates a conversation for each session of a corpus, `concurrency` at a time with at most
 * `concurrency` model calls in flight among them. A session whose folder already exists is
 * kept (after checking it was made with the same settings), so a run that stopped can be
 * started again without paying twice. The first error that is not a session's own failure
 * stops the run and aborts the calls in flight.
 */
export async function runGeneration(options: RunGenerationOptions): Promise<RunReport> {
  const now = options.now ?? (() => performance.now());
  const today = options.today ?? (() => new Date());
  const priceCall = createCallPricer(options.models, options.prices, today);
  // Counting an unpriced model's calls as free would let the run pass any ceiling.
  if (priceCall === undefined && options.maxCostUsd !== undefined) {
    throw unpricedModelError(options.models.model, '--max-cost');
  }
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
  const shard = options.shard;
  const failuresFile = join(corpusRoot, failureLogName(shard));
  const report: RunReport = {
    corpusRoot,
    written: 0,
    keptShort: 0,
    existing: 0,
    failed: 0,
    skipped: 0,
    calls: 0,
    replayedCalls: 0,
    usage: ZERO_USAGE,
    spentUsd: 0,
    budgetReached: false,
    textFieldsCut: 0,
    poolSizes: null,
  };
  const budget = new Budget(options.maxCostUsd);
  const settings = folderSettingsOf(options);
  const stop = new AbortController();
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  const concurrency = options.concurrency ?? 1;
  // `concurrency` sessions at a time, and as many model calls in flight among them.
  const models = limitCallsInFlight(options.models, concurrency);
  const failures = new SessionFailures(failuresFile, options.maxConsecutiveFailures ?? 3);

  async function recordSkips(): Promise<void> {
    for (const skip of skips.splice(0)) {
      if (!inShard(skip.sessionId, shard)) continue;
      report.skipped += 1;
      emit({ type: 'session-skipped', ...skip });
      appendSkip(failuresFile, skip);
    }
  }

  async function processSession(session: Session): Promise<void> {
    const sessionId = session.session_id;
    const folder = sessionFolder(corpusRoot, session.user.user_id, sessionId);
    const journal = journalFile(corpusRoot, session.user.user_id, sessionId);
    if (isFinished(folder)) {
      if (!options.force) await assertResumable(folder, session, settings);
      // Left behind when a run stopped between writing the folder and deleting it.
      CallJournal.discard(journal);
      report.existing += 1;
      emit({ type: 'session-exists', sessionId, folder });
      return;
    }
    if (existsSync(folder)) {
      // Found before any call is paid for: the finished folder could never be put in place.
      const problem = 'a folder without session.json is in the way. Move it away and run again.';
      throw new Tp2dgError('OUTPUT_WRITE', `${folder}: ${problem}`);
    }
    let costUsd = 0;
    try {
      const run = { ...options, models, signal };
      const generated = await generateSessionFolder({
        session,
        folder,
        journalFile: journal,
        source: loader.id,
        mediaRoot,
        run,
        now,
        today,
        onPaidCall: (usage, serviceTier) => {
          const usd = priceCall?.(usage, serviceTier) ?? 0;
          budget.spend(usd);
          costUsd += usd;
        },
      });
      failures.succeeded();
      const { conversation, paidUsage } = generated;
      budget.conversationFinished();
      report.calls += generated.paidCalls;
      report.replayedCalls += generated.replayedCalls;
      report.usage = addUsage(report.usage, paidUsage);
      if (!generated.written) {
        if (!options.force) await assertResumable(folder, session, settings);
        report.existing += 1;
        emit({ type: 'session-exists', sessionId, folder });
        return;
      }
      report.poolSizes = widenSizeRange(report.poolSizes, report.written, session.pool_tracks.length);
      report.written += 1;
      if (conversation.endedEarly !== null) report.keptShort += 1;
      emit({
        type: 'session-written',
        sessionId,
        folder,
        turns: conversation.chat.length,
        endedEarly: conversation.endedEarly,
        calls: generated.paidCalls,
        replayedCalls: generated.replayedCalls,
        model: options.models.model,
        usage: paidUsage,
        costUsd: priceCall === undefined ? null : costUsd,
      });
    } catch (error) {
      if (!SessionFailures.isSessionFailure(error) || signal.aborted) throw error;
      report.failed += 1;
      const callSite = error.callSite ?? { agent: null, turn: null };
      const code = SessionFailures.codeOf(error);
      emit({ type: 'session-failed', sessionId, ...callSite, code, reason: error.message });
      await failures.record(session, error);
    }
  }

  // Held until the run ends, however it ends: `await using` releases it on every way out.
  await using _runLock = await prepareRunDirectory(corpusRoot, loader, options, {
    onEvent: emit,
    onLockLost: () => stop.abort(),
  });
  emit({ type: 'run-started', total: await expectedSessions(loader, options) });
  const sessions = vetSessions(sessionsInShard(loader.sessions(), shard), {
    limits: options.inputLimits,
    mediaTypes: options.mediaTypes ?? STANDARD_MEDIA_TYPES,
    tally: report,
    onWarning: (message) => emit({ type: 'warning', message }),
    audioSnippets: options.audioSnippets,
  })[Symbol.asyncIterator]();
  const { stopped, heldBack } = await drainConcurrently({
    items: sessions,
    concurrency,
    limit: options.sessions,
    gate: budget,
    afterRead: recordSkips,
    process: processSession,
    // A corpus error only stops the taking: sessions in flight are paid for and finish.
    // Anything else (a refused key, a full disk, too many failures) aborts them.
    onStop: (_error, during) => {
      if (during === 'process') stop.abort();
    },
  });
  let fatal = stopped;
  if (fatal === undefined) {
    // Sessions the loader passed over after the last one taken.
    fatal = await recordSkips().then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
  }
  if (fatal !== undefined) {
    // Closing must not hide the error that stopped the run.
    await Promise.resolve(sessions.return?.()).catch(() => undefined);
    await Promise.resolve(loader.close?.()).catch(() => undefined);
    throw fatal.error;
  }
  // Held back by the ceiling, with sessions still to go: the run stopped at its budget.
  report.budgetReached = heldBack && !(await sessions.next()).done;
  report.spentUsd = budget.spentUsd;
  await loader.close?.();
  return report;
}
