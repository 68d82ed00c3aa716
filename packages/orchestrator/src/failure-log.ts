import type { SkippedSession } from '@tp2dg/data-loaders';
import { appendJsonLine, type FailureRecord, FailureRecordSchema } from '@tp2dg/entities';

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
