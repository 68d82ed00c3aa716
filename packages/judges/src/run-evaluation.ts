import {
  addUsage,
  dataLabel,
  describeTornLine,
  type TokenUsage,
  unpricedModelError,
  ZERO_USAGE,
} from '@tp2dg/entities';
import {
  Budget,
  CallJournal,
  createCallPricer,
  drainConcurrently,
  journaledModel,
  limitCallsInFlight,
  meteredModel,
  SessionFailures,
} from '@tp2dg/orchestrator';
import { corpusDirectoryOf } from './corpus-directories.js';
import { writeEvalFile } from './eval-file.js';
import { findEvalFiles, readEvalInput, sessionOf } from './eval-input.js';
import { evalJournalFile } from './eval-paths.js';
import { writeEvalSummaries } from './eval-summary.js';
import type { EvalReport, RunEvaluationOptions } from './eval-types.js';
import { judgeConversation } from './judge-conversation.js';
import { JudgeReplyError } from './judge-reply-error.js';
import { readJudgedConversation } from './judged-conversation.js';
import { lockRunDirectories } from './run-directory-locks.js';

/**
 * Judges every conversation under `input` by every rubric, `concurrency` conversations at a time
 * with at most `concurrency` judge calls in flight among them, and writes each one's `eval.json`,
 * then each run directory's `eval-summary.json`. What the generator does for a conversation it
 * does for an evaluation: answers journaled as they arrive (a stopped run pays for no answer
 * twice), a budget no conversation starts past, a failure that costs its conversation only, and
 * conversations already judged by this judge and these rubrics kept.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvalReport> {
  const today = options.today ?? (() => new Date());
  const priceCall = createCallPricer(options.models, options.prices, today);
  // Counting an unpriced model's calls as free would let the run pass any ceiling.
  if (priceCall === undefined && options.maxCostUsd !== undefined) {
    throw unpricedModelError(options.models.model, '--max-cost');
  }
  const emit = options.onEvent ?? (() => {});
  const stop = new AbortController();
  const warn = (message: string) => emit({ type: 'warning', message });
  const files = await findEvalFiles(options.input);
  // Held until the run ends, however it ends; taken before what is done is read, so no other
  // run can judge a conversation between that reading and this run's calls.
  await using _locks = await lockRunDirectories(files.sessionFolders, {
    onWarning: warn,
    onLost: (message) => {
      warn(message);
      stop.abort();
    },
  });
  const input = await readEvalInput(files, options.models, options.templates, options.fresh ?? false);
  const { judge, plan } = input;
  const report: EvalReport = {
    evaluated: 0,
    existing: plan.done.length,
    failed: 0,
    calls: 0,
    replayedCalls: 0,
    usage: ZERO_USAGE,
    spentUsd: 0,
    budgetReached: false,
    summaries: [],
  };
  const budget = new Budget(options.maxCostUsd);
  const signal = options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]);
  const concurrency = options.concurrency ?? 1;
  const models = limitCallsInFlight(options.models, concurrency);

  async function evaluateSession(folder: string): Promise<void> {
    const conversation = await readJudgedConversation(
      folder,
      corpusDirectoryOf(folder, input.corpusDirectories),
    );
    const sessionId = conversation.session.session_id;
    const backend = models.forSession(sessionOf(conversation));
    let costUsd = 0;
    const paid = meteredModel(backend, (usage, serviceTier) => {
      const usd = priceCall?.(usage, serviceTier) ?? 0;
      budget.spend(usd);
      costUsd += usd;
    });
    // The simulated judge costs nothing: its answers are not worth keeping, as the generator's.
    const journal = models.capabilities.freeAndDeterministic
      ? undefined
      : await CallJournal.open(evalJournalFile(folder, judge));
    if (journal?.torn !== undefined) {
      const message = describeTornLine(journal.torn, 'the judge call it answered is asked again');
      warn(message);
    }
    const replaying = journal === undefined ? undefined : journaledModel(paid, journal);
    const model = replaying ?? paid;
    let usage: TokenUsage = ZERO_USAGE;
    let callCount = 0;
    try {
      const context = {
        sessionId,
        model,
        maxAttempts: options.maxAttempts,
        timeoutMs: options.timeoutMs,
        signal,
        onCall: (callUsage: TokenUsage) => {
          usage = addUsage(usage, callUsage);
          callCount += 1;
        },
      };
      const scored = await judgeConversation(context, conversation, options.templates).catch(
        async (error: unknown) => {
          // Its unusable answers, replayed, would fail the next run for free: that turn is asked again.
          if (JudgeReplyError.isInstance(error)) await journal?.forget({ agent: 'judge', turn: error.turn });
          throw error;
        },
      );
      await writeEvalFile(folder, {
        ...dataLabel(backend.provider),
        session_id: sessionId,
        judge,
        evaluated_at: today().toISOString(),
        ...scored,
        call_count: callCount,
        usage,
      });
      journal?.remove();
      budget.conversationFinished();
      report.evaluated += 1;
      report.calls += paid.calls;
      report.replayedCalls += replaying?.replayedCalls ?? 0;
      report.usage = addUsage(report.usage, paid.usage);
      emit({
        type: 'session-evaluated',
        sessionId,
        folder,
        judgements: scored.judgements.length,
        calls: paid.calls,
        replayedCalls: replaying?.replayedCalls ?? 0,
        model: options.models.model,
        usage: paid.usage,
        costUsd: priceCall === undefined ? null : costUsd,
      });
    } catch (error) {
      if (!SessionFailures.isSessionFailure(error) || signal.aborted) throw error;
      report.failed += 1;
      const turn = JudgeReplyError.isInstance(error) ? error.turn : null;
      const code = SessionFailures.codeOf(error);
      emit({ type: 'session-failed', sessionId, agent: null, turn, code, reason: error.message });
    } finally {
      journal?.close();
      await model.close?.();
    }
  }

  emit({ type: 'run-started', total: input.files.sessionFolders.length });
  for (const { folder, sessionId } of plan.done)
    emit({ type: 'session-already-evaluated', sessionId, folder });
  let taken = 0;
  const { stopped, heldBack } = await drainConcurrently({
    items: each(plan.pending),
    concurrency,
    gate: budget,
    afterRead: async () => {},
    process: (folder) => {
      taken += 1;
      return evaluateSession(folder);
    },
    onStop: () => stop.abort(),
  });
  if (stopped !== undefined) throw stopped.error;
  // Held back by the ceiling, with conversations still to judge: the run stopped at its budget.
  report.budgetReached = heldBack && taken < plan.pending.length;
  report.spentUsd = budget.spentUsd;
  report.summaries = await writeEvalSummaries(input.files.sessionFolders, judge, today());
  return report;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}
