import type { ConversationGoal, ListenerProfile, ListenerTurn, Track } from '@tp2dg/entities';
import { AgentChat } from './agent-chat.js';
import type { AgentContext } from './agent-context.js';
import { describeSpecificity } from './describe-specificity.js';
import { describeTrackContents } from './describe-track-contents.js';
import { formatList } from './format-list.js';
import { formatProfile } from './format-profile.js';
import { ListenerFirstReplySchema, ListenerReactionReplySchema } from './reply/reply-schemas.js';
import { ACKNOWLEDGEMENT } from './reply/reply-spec.js';
import { describeTrack, type TrackView, trackListParts, trackMediaParts } from './track-parts.js';

export interface ListenerAgentOptions {
  profile: ListenerProfile;
  goal: ConversationGoal;
  turnCount: number;
  /** The listener's own past tracks; it never sees the pool except what is recommended. */
  profilingTracks: readonly Track[];
  /** The language every thought and message is written in (`--language`). */
  language: string;
  /**
   * Whether a recommendation reaches the Listener with its lyrics excerpt (`--listener-lyrics`),
   * an extension of the paper, where it gets title, artist, album, audio and cover only.
   */
  listenerLyrics?: boolean;
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
    // The whole goal, as the paper gives it: its kind in words and every example, besides its text.
    const systemInstruction = context.prompts.render('listener-system', {
      language: options.language,
      profile: formatProfile(options.profile),
      goal: goal.listener_goal,
      category: goal.category ?? `category ${goal.category_code}`,
      specificity: describeSpecificity(goal.specificity_code),
      listener_expertise: goal.listener_expertise,
      initial_query_examples: formatList(goal.initial_query_examples),
      iteration_query_examples: formatList(goal.iteration_query_examples),
      achieved_query_examples: formatList(goal.achieved_query_examples),
      turn_count: String(options.turnCount),
      target_turn_count: String(goal.target_turn_count),
    });
    this.#chat = new AgentChat(context, 'listener', systemInstruction);
  }

  /** Shows the profiling tracks with their media before the conversation starts. */
  async prime(): Promise<void> {
    const tracks = this.#options.profilingTracks;
    const text = this.#context.prompts.render('listener-priming', {
      track_count: String(tracks.length),
      track_contents: describeTrackContents(tracks, 'anonymous'),
    });
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
      turn_count: String(this.#options.turnCount),
      initial_query_examples: formatList(examples),
      language: this.#options.language,
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

  /**
   * Turns 2..N: reacts to the recommendation of the turn before, which reaches it as the paper
   * has it (title, artist, album, audio and cover; the lyrics excerpt too with `listenerLyrics`).
   * Throws `AgentReplyError` without a usable reaction.
   */
  async react(turn: number, track: Track, recsysMessage: string): Promise<ListenerTurn> {
    const { goal, turnCount, language } = this.#options;
    const view: TrackView = this.#options.listenerLyrics ? 'recommended-with-lyrics' : 'recommended';
    const shared = {
      turn_count: String(turnCount),
      track: describeTrack(track, view),
      track_contents: describeTrackContents([track], view),
      recsys_message: recsysMessage,
      target_turn_count: String(goal.target_turn_count),
      language,
    };
    const [template, text] =
      turn === 2
        ? (['listener-turn-2', this.#context.prompts.render('listener-turn-2', shared)] as const)
        : ([
            'listener-turn-n',
            this.#context.prompts.render('listener-turn-n', {
              ...shared,
              turn: String(turn),
              previous_turn: String(turn - 1),
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
