import type { ConversationGoal, ListenerProfile, ListenerTurn, Track } from '@tp2dg/entities';
import { AgentChat } from './agent-chat.js';
import type { AgentContext } from './agent-context.js';
import { formatList } from './format-list.js';
import { formatProfile } from './format-profile.js';
import { ListenerFirstReplySchema, ListenerReactionReplySchema } from './reply/reply-schemas.js';
import { ACKNOWLEDGEMENT } from './reply/reply-spec.js';
import { describeTrack, trackListParts, trackMediaParts } from './track-parts.js';

export interface ListenerAgentOptions {
  profile: ListenerProfile;
  goal: ConversationGoal;
  turnCount: number;
  /** The listener's own past tracks; it never sees the pool except what is recommended. */
  profilingTracks: readonly Track[];
}

/** The Listener chat: role-plays the user, pursues the goal, reacts to each recommendation. */
export class ListenerAgent {
  readonly #context: AgentContext;
  readonly #options: ListenerAgentOptions;
  readonly #chat: AgentChat;

  constructor(context: AgentContext, options: ListenerAgentOptions) {
    this.#context = context;
    this.#options = options;
    const { goal } = options;
    const systemInstruction = context.prompts.render('listener-system', {
      profile: formatProfile(options.profile),
      goal: goal.listener_goal,
      listener_expertise: goal.listener_expertise,
      target_turn_count: String(goal.target_turn_count),
      turn_count: String(options.turnCount),
    });
    this.#chat = new AgentChat(context, 'listener', systemInstruction);
  }

  /** Shows the profiling tracks with their media before the conversation starts. */
  async prime(): Promise<void> {
    const tracks = this.#options.profilingTracks;
    const text = this.#context.prompts.render('listener-priming', { track_count: String(tracks.length) });
    await this.#chat.send(
      0,
      'listener-priming',
      [{ kind: 'text', text }, ...trackListParts(tracks, 'anonymous')],
      ACKNOWLEDGEMENT,
    );
  }

  /** Turn 1: a verbatim copy of one of the goal's initial query examples. Throws `AgentReplyError` without one. */
  async openConversation(): Promise<ListenerTurn> {
    const examples = this.#options.goal.initial_query_examples;
    const text = this.#context.prompts.render('listener-first-turn', {
      initial_query_examples: formatList(examples),
    });
    const allowed = examples.map(normalise);
    const reply = await this.#chat.send(1, 'listener-first-turn', [{ kind: 'text', text }], {
      schema: ListenerFirstReplySchema,
      check: (candidate) =>
        allowed.includes(normalise(candidate.message))
          ? undefined
          : {
              code: 'PARSE_ERROR',
              problem: `message must copy one initial query example word for word: ${formatList(examples)}`,
            },
    });
    return { ...reply, goal_progress_assessment: null, response_code: 'SUCCESS' };
  }

  /** Turns 2..N: reacts to the recommended track (its audio and cover included); throws `AgentReplyError` without a usable reaction. */
  async react(turn: number, track: Track, recsysMessage: string): Promise<ListenerTurn> {
    const { goal, turnCount } = this.#options;
    const base = {
      track: describeTrack(track, 'recommended'),
      recsys_message: recsysMessage,
      target_turn_count: String(goal.target_turn_count),
    };
    const [template, text] =
      turn === 2
        ? (['listener-turn-2', this.#context.prompts.render('listener-turn-2', base)] as const)
        : ([
            'listener-turn-n',
            this.#context.prompts.render('listener-turn-n', {
              ...base,
              turn: String(turn),
              turn_count: String(turnCount),
            }),
          ] as const);
    const reply = await this.#chat.send(turn, template, [{ kind: 'text', text }, ...trackMediaParts(track)], {
      schema: ListenerReactionReplySchema,
    });
    return { ...reply, response_code: 'SUCCESS' };
  }
}

/** Quotes and spacing are not worth a re-ask; the words are what must match. */
function normalise(message: string): string {
  return message
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
