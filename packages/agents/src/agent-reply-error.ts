import { type CallSite, type ResponseCode, Tp2dgError } from '@tp2dg/entities';
import type { ReplyRejection } from './reply/reply-spec.js';

const marker = Symbol.for('tp2dg.agent-reply-error');

/**
 * An agent gave no usable reply within its re-asks and blocked resends, so its conversation
 * cannot go on: `callSite` is the call to ask again, `responseCode` why its last reply was refused.
 */
export class AgentReplyError extends Tp2dgError {
  readonly [marker] = true;
  declare readonly callSite: CallSite;
  readonly responseCode: ResponseCode;

  constructor(sessionId: string, callSite: CallSite, attempts: number, rejection: ReplyRejection) {
    const agent = callSite.turn === 0 ? `${callSite.agent} priming` : `${callSite.agent} agent`;
    const turn = callSite.turn === null || callSite.turn === 0 ? '' : ` at turn ${callSite.turn}`;
    super(
      'AGENT_REPLY',
      `session "${sessionId}": the ${agent} gave no usable reply${turn} in ${attempts} attempt(s) (${rejection.code}: ${rejection.problem})`,
      { callSite },
    );
    this.name = 'AgentReplyError';
    this.responseCode = rejection.code;
  }

  static override isInstance(value: unknown): value is AgentReplyError {
    return Tp2dgError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true;
  }
}
