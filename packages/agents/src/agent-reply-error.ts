import { Tp2dgError } from '@tp2dg/entities';
import type { ReplyRejection } from './reply/reply-spec.js';

/** A one-shot agent whose reply stayed unusable after every re-ask: the session cannot go on. */
export function agentReplyError(agent: string, sessionId: string, rejection: ReplyRejection): Tp2dgError {
  return new Tp2dgError(
    'AGENT_REPLY',
    `session "${sessionId}": the ${agent} agent gave no usable reply (${rejection.code}: ${rejection.problem})`,
  );
}
