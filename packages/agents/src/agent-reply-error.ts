import { type CallSite, Tp2dgError } from '@tp2dg/entities';
import type { ReplyRejection } from './reply/reply-spec.js';

/** An agent whose reply stayed unusable after every re-ask where the session cannot go on without it. */
export function agentReplyError(
  callSite: CallSite,
  sessionId: string,
  rejection: ReplyRejection,
): Tp2dgError {
  const agent = callSite.turn === 0 ? `${callSite.agent} priming` : callSite.agent;
  return new Tp2dgError(
    'AGENT_REPLY',
    `session "${sessionId}": the ${agent} agent gave no usable reply (${rejection.code}: ${rejection.problem})`,
    { callSite },
  );
}
