import type { GeminiBatchOptions } from '@tp2dg/gemini-adapter/planning';
import type { GenerateArguments } from './generate-arguments.js';

/**
 * The adapter's batch mode for `--mode batch`, with `--batch-settle` and `--batch-poll` in
 * seconds; undefined in online mode. `ledger` records the jobs, so a resumed run waits on them.
 */
export function batchOptionsOf(
  args: Pick<GenerateArguments, 'mode' | 'batchSettle' | 'batchPoll'>,
  ledger: string,
): Omit<GeminiBatchOptions, 'onEvent'> | undefined {
  if (args.mode !== 'batch') return undefined;
  return {
    ledger,
    ...(args.batchSettle === undefined ? {} : { settleMs: args.batchSettle * 1000 }),
    ...(args.batchPoll === undefined ? {} : { pollIntervalMs: args.batchPoll * 1000 }),
  };
}
