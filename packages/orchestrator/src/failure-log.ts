import type { SkippedSession } from '@tp2dg/data-loaders';
import { appendJsonLine, type FailureRecord, FailureRecordSchema } from '@tp2dg/entities';
import { isShardFileName, type Shard, shardFileName } from './shard.js';

/** Appends to `failures.jsonl`: a session without a conversation always leaves its reason. */
export function appendFailure(file: string, record: FailureRecord): void {
  appendJsonLine(file, FailureRecordSchema.parse(record));
}

/** A session the loader passed over: recorded like a failure, at the load stage. */
export function appendSkip(file: string, skip: SkippedSession): void {
  appendFailure(file, {
    session_id: skip.sessionId,
    user_id: null,
    stage: 'load',
    agent: null,
    turn: null,
    code: 'SKIPPED',
    reason: skip.reason,
  });
}

/** Each shard keeps its own failure log. */
export function failureLogName(shard: Shard | undefined): string {
  return shardFileName('failures', '.jsonl', shard);
}

/** Whether a run directory entry is the failure log of some shard, or of the whole run. */
export function isFailureLogName(name: string): boolean {
  return isShardFileName(name, 'failures', '.jsonl');
}
