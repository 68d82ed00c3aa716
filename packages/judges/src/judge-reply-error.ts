import type { ReplyRejection } from '@tp2dg/agents';
import { Tp2dgError } from '@tp2dg/entities';

const marker = Symbol.for('tp2dg.judge-reply-error');

/**
 * A judge gave no usable score within its attempts, so its conversation's evaluation cannot be
 * written: `turn` (null for a rubric of the whole conversation) says which answers to ask again.
 */
export class JudgeReplyError extends Tp2dgError {
  readonly [marker] = true;

  constructor(
    sessionId: string,
    readonly rubric: string,
    readonly turn: number | null,
    attempts: number,
    rejection: ReplyRejection,
  ) {
    const where = turn === null ? '' : ` at turn ${turn}`;
    super(
      'AGENT_REPLY',
      `session "${sessionId}": the ${rubric} judge gave no usable score${where} in ${attempts} attempt(s) (${rejection.code}: ${rejection.problem})`,
    );
    this.name = 'JudgeReplyError';
  }

  static override isInstance(value: unknown): value is JudgeReplyError {
    return Tp2dgError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true;
  }
}
