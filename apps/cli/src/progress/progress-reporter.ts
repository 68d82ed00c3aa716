import { printable } from '@tp2dg/entities';
import type { GeminiBatchEvent } from '@tp2dg/gemini-adapter/planning';
import type { EvalEvent } from '@tp2dg/judges';
import type { RunEvent } from '@tp2dg/orchestrator';
import { describeBatchEvent } from './describe-batch-event.js';
import { formatDuration } from './format-duration.js';
import { type ProgressSnapshot, ProgressTally } from './progress-tally.js';

export type ProgressMode = 'tty' | 'lines' | 'json';

/**
 * What the progress reports: a run's events (or an evaluation's), and what its batch rounds did
 * (`--mode batch`).
 */
export type ProgressEvent = RunEvent | EvalEvent | ({ type: 'batch' } & GeminiBatchEvent);

export interface ProgressReporter {
  report(event: ProgressEvent): void;
  /** Ends an updating terminal line, so what follows starts on a line of its own. */
  finish(): void;
  readonly tally: ProgressTally;
}

/**
 * Progress on stderr: one line kept up to date on a terminal; a line per event otherwise
 * (logs, CI); one JSON object per event with `--progress json`, for machines.
 */
export function createProgressReporter(
  mode: ProgressMode,
  write: (text: string) => void,
  now?: () => number,
): ProgressReporter {
  const tally = new ProgressTally(now);
  let lineOpen = false;
  return {
    tally,
    report(event) {
      tally.record(event);
      const snapshot = tally.snapshot();
      // Events carry corpus strings (session ids, reasons): their control characters are escaped.
      if (mode === 'json') write(`${printable(JSON.stringify({ event, progress: snapshot }))}\n`);
      else if (mode === 'lines')
        write(
          `${printable(describeEvent(event))}${hasProgress(event) ? ` [${formatSnapshot(snapshot)}]` : ''}\n`,
        );
      else {
        // Failures, warnings and batch rounds are worth keeping on screen; the rest only updates the status line.
        if (event.type === 'session-failed' || event.type === 'warning' || event.type === 'batch')
          write(`\r\x1b[K${printable(describeEvent(event))}\n`);
        write(`\r\x1b[K${formatSnapshot(snapshot)}`);
        lineOpen = true;
      }
    },
    finish() {
      if (lineOpen) write('\n');
      lineOpen = false;
    },
  };
}

export function describeEvent(event: ProgressEvent): string {
  switch (event.type) {
    case 'batch':
      return describeBatchEvent(event);
    case 'run-started':
      return event.total === undefined ? 'started' : `started: ${event.total} sessions`;
    case 'session-written': {
      const replayed = event.replayedCalls > 0 ? ` (+${event.replayedCalls} replayed from its journal)` : '';
      const stop = event.endedEarly;
      const short =
        stop === null ? '' : `, kept short: ${stop.agent} turn ${stop.turn} got ${stop.response_code}`;
      return `wrote ${event.sessionId}: ${event.turns} turns, ${event.calls} calls${replayed}${short}`;
    }
    case 'session-exists':
      return `kept ${event.sessionId}: already generated`;
    case 'session-evaluated': {
      const replayed = event.replayedCalls > 0 ? ` (+${event.replayedCalls} replayed from its journal)` : '';
      return `evaluated ${event.sessionId}: ${event.judgements} judgements, ${event.calls} calls${replayed}`;
    }
    case 'session-already-evaluated':
      return `kept ${event.sessionId}: already evaluated by this judge and these rubrics`;
    case 'session-failed':
      return `failed ${event.sessionId}${event.agent === null ? '' : ` (${event.agent} agent${event.turn === null ? '' : `, turn ${event.turn}`})`}: ${event.reason}`;
    case 'session-skipped':
      return `skipped ${event.sessionId}: ${event.reason}`;
    case 'warning':
      return `warning: ${event.message}`;
  }
}

/** Events that move the run on; the others carry no progress worth a snapshot. */
function hasProgress(event: ProgressEvent): boolean {
  return event.type !== 'run-started' && event.type !== 'warning' && event.type !== 'batch';
}

export function formatSnapshot(snapshot: ProgressSnapshot): string {
  const total = snapshot.total === undefined ? '' : `/${snapshot.total}`;
  const failures = Object.entries(snapshot.failedByCode).map(([code, count]) => `${code} ${count}`);
  const parts = [
    `${snapshot.done}${total} sessions`,
    ...(snapshot.callsPerMinute === null ? [] : [`${Math.round(snapshot.callsPerMinute)} calls/min`]),
    ...(snapshot.tokensPerMinute === null ? [] : [`${Math.round(snapshot.tokensPerMinute)} tokens/min`]),
    formatSpent(snapshot),
    ...(snapshot.etaSeconds === undefined ? [] : [`ETA ${formatDuration(snapshot.etaSeconds)}`]),
    ...(failures.length === 0 ? [] : [`failed: ${failures.join(', ')}`]),
  ];
  return parts.join(', ');
}

/** Dollars spent and projected, or why there are none: never a $0 that only means unknown. */
function formatSpent({ spentUsd, projectedUsd }: ProgressSnapshot): string {
  if (spentUsd === null) return 'price unknown (pass --prices)';
  return `$${spentUsd.toFixed(4)}${projectedUsd === undefined ? '' : ` of ~$${projectedUsd.toFixed(4)}`}`;
}
