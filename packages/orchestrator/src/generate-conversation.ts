import {
  type AgentContext,
  AgentReplyError,
  chooseGoal,
  conversationTurnCount,
  goalCandidates,
  goalTemplateCode,
  inferProfile,
  ListenerAgent,
  RecsysAgent,
  type ResponseFormat,
} from '@tp2dg/agents';
import type {
  CallRecord,
  ConversationGoal,
  ConversationTurn,
  GoalTemplate,
  ListenerProfile,
  ModelPort,
  Session,
  SessionFile,
} from '@tp2dg/entities';
import type { PromptSet } from '@tp2dg/prompts';
import { allOrAbort } from './all-or-abort.js';
import { conversationUser } from './conversation-user.js';

export interface GenerateConversationOptions {
  session: Session;
  model: ModelPort;
  prompts: PromptSet;
  catalog: readonly GoalTemplate[];
  /** Turns asked for; fewer when the pool is smaller (see `conversationTurnCount`). */
  turns: number;
  seed: number;
  responseFormat: ResponseFormat;
  /** The language the Listener, the Recsys and the goal's examples write in (`DEFAULT_LANGUAGE` of the agents: English). */
  language: string;
  /**
   * Recommendations reach the Listener with their lyrics excerpt (`--listener-lyrics`), an
   * extension of the paper's method; off when absent.
   */
  listenerLyrics?: boolean;
  maxReasks: number;
  /** Resends of a blocked request per agent turn, apart from the re-asks. */
  maxBlockedRetries: number;
  /**
   * Returns a conversation that cannot reach its turn count with the complete turns before the
   * call that stopped it (`endedEarly`), instead of failing; off by default.
   */
  keepShort?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** Everything one session produced, before it is written. */
export interface Conversation {
  /** The corpus's user with the summary, and a preferred language as given or chosen (`conversationUser`). */
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
 * turn, the Listener's reaction. An 8-turn conversation is 20 model calls. An agent without
 * a usable reply fails it with `AgentReplyError` (its call site is the call to ask again),
 * unless `keepShort` keeps the turns before it.
 */
export async function generateConversation(options: GenerateConversationOptions): Promise<Conversation> {
  const { session, prompts } = options;
  const calls: CallRecord[] = [];
  // Stops this conversation's other calls when one fails; the caller's signal stops them all.
  const stop = new AbortController();
  const context: AgentContext = {
    sessionId: session.session_id,
    model: options.model,
    prompts,
    responseFormat: options.responseFormat,
    maxReasks: options.maxReasks,
    maxBlockedRetries: options.maxBlockedRetries,
    timeoutMs: options.timeoutMs,
    signal: options.signal === undefined ? stop.signal : AbortSignal.any([options.signal, stop.signal]),
    onCall: (record) => calls.push(record),
    now: options.now ?? (() => performance.now()),
  };
  const turnCount = conversationTurnCount(options.turns, session);
  const { language } = options;
  const candidates = goalCandidates(options.catalog, options.seed, session.session_id);
  const [summary, goal] = await allOrAbort(stop, [
    inferProfile(context, session),
    chooseGoal(context, { session, candidates, turnCount, language }),
  ]);
  const profile: ListenerProfile = { ...conversationUser(session.user, language), ...summary };
  const listener = new ListenerAgent(context, {
    profile,
    goal,
    turnCount,
    profilingTracks: session.profiling_tracks,
    language,
    listenerLyrics: options.listenerLyrics,
  });
  const recsys = new RecsysAgent(context, { profile, pool: session.pool_tracks, language });
  await allOrAbort(stop, [listener.prime(), recsys.prime()]);

  const chat: ConversationTurn[] = [];
  let endedEarly: Conversation['endedEarly'] = null;
  try {
    let listenerTurn = await listener.openConversation();
    for (let turn = 1; turn <= turnCount; turn += 1) {
      const recsysTurn = await recsys.recommend(turn, listenerTurn.message);
      chat.push({ turn, listener: listenerTurn, recsys: recsysTurn });
      if (turn < turnCount)
        listenerTurn = await listener.react(turn + 1, recsysTurn.track, recsysTurn.message);
    }
  } catch (error) {
    // Without a complete turn there is nothing to keep.
    if (!options.keepShort || chat.length === 0 || !AgentReplyError.isInstance(error)) throw error;
    endedEarly = keptShortAt(error);
  }
  return { profile, goal, goalTemplateCodes: candidates.map(goalTemplateCode), chat, calls, endedEarly };
}

/** Where a kept-short chat stopped: only the Listener and Recsys calls of a turn can stop it. */
function keptShortAt(error: AgentReplyError): Conversation['endedEarly'] {
  const { agent, turn } = error.callSite as { agent: 'listener' | 'recsys'; turn: number };
  return { agent, turn, response_code: error.responseCode, kept_short: true };
}
