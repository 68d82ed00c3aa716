import {
  type AgentContext,
  chooseGoal,
  conversationTurnCount,
  goalCandidates,
  goalTemplateCode,
  inferProfile,
  ListenerAgent,
  RecsysAgent,
  type ResponseFormat,
} from '@tp2dg/agents';
import {
  type CallRecord,
  type ConversationGoal,
  type ConversationTurn,
  type GoalTemplate,
  type ListenerProfile,
  type ListenerTurn,
  type ModelPort,
  type Session,
  type SessionFile,
  Tp2dgError,
} from '@tp2dg/entities';
import type { PromptSet } from '@tp2dg/prompts';
import { allOrAbort } from './all-or-abort.js';

export interface GenerateConversationOptions {
  session: Session;
  model: ModelPort;
  prompts: PromptSet;
  catalog: readonly GoalTemplate[];
  /** Turns asked for; fewer when the pool is smaller (see `conversationTurnCount`). */
  turns: number;
  seed: number;
  responseFormat: ResponseFormat;
  maxReasks: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** Everything one session produced, before it is written. */
export interface Conversation {
  profile: ListenerProfile;
  goal: ConversationGoal;
  goalTemplateCodes: string[];
  chat: ConversationTurn[];
  calls: CallRecord[];
  endedEarly: SessionFile['ended_early'];
}

/**
 * Runs one conversation in the method's order: profile and goal (concurrently), both
 * chats primed, Listener turn 1, then for each turn a recommendation and, until the last
 * turn, the Listener's reaction. An 8-turn conversation is 20 model calls.
 */
export async function generateConversation(options: GenerateConversationOptions): Promise<Conversation> {
  const { session, prompts } = options;
  const calls: CallRecord[] = [];
  // Stops this conversation's other calls when one fails; the caller's signal stops them all.
  const stop = new AbortController();
  const context: AgentContext = {
    model: options.model,
    prompts,
    responseFormat: options.responseFormat,
    maxReasks: options.maxReasks,
    timeoutMs: options.timeoutMs,
    signal: options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]),
    onCall: (record) => calls.push(record),
    now: options.now ?? (() => performance.now()),
  };
  const turnCount = conversationTurnCount(options.turns, session);
  const candidates = goalCandidates(options.catalog, options.seed, session.session_id);
  const [summary, goal] = await allOrAbort(stop, [
    inferProfile(context, session),
    chooseGoal(context, { session, candidates, turnCount }),
  ]);
  const profile: ListenerProfile = { ...session.user, ...summary };
  const sessionId = session.session_id;
  const listener = new ListenerAgent(context, {
    sessionId,
    profile,
    goal,
    turnCount,
    profilingTracks: session.profiling_tracks,
  });
  const recsys = new RecsysAgent(context, { sessionId, profile, pool: session.pool_tracks });
  await allOrAbort(stop, [listener.prime(), recsys.prime()]);

  const chat: ConversationTurn[] = [];
  let endedEarly: Conversation['endedEarly'] = null;
  let listenerTurn: ListenerTurn = await listener.openConversation();
  for (let turn = 1; turn <= turnCount; turn += 1) {
    if (listenerTurn.response_code !== 'SUCCESS') {
      endedEarly = { agent: 'listener', turn, response_code: listenerTurn.response_code };
      break;
    }
    const recsysTurn = await recsys.recommend(turn, listenerTurn.message);
    chat.push({ turn, listener: listenerTurn, recsys: recsysTurn });
    if (recsysTurn.track === null) {
      endedEarly = { agent: 'recsys', turn, response_code: recsysTurn.response_code };
      break;
    }
    if (turn < turnCount) listenerTurn = await listener.react(turn + 1, recsysTurn.track, recsysTurn.message);
  }
  if (chat.length === 0) {
    throw new Tp2dgError(
      'AGENT_REPLY',
      `session "${sessionId}": the listener's first message was unusable (${endedEarly?.response_code})`,
      { callSite: { agent: 'listener', turn: 1 } },
    );
  }
  return { profile, goal, goalTemplateCodes: candidates.map(goalTemplateCode), chat, calls, endedEarly };
}
