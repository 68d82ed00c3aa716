import type { ListenerProfile, RecsysTurn, Track } from '@tp2dg/entities';
import { AgentChat } from './agent-chat.js';
import type { AgentContext } from './agent-context.js';
import { describeTrackContents } from './describe-track-contents.js';
import { formatProfile } from './format-profile.js';
import { type RecsysReply, recsysReplySchema } from './reply/reply-schemas.js';
import { ACKNOWLEDGEMENT, type ReplyRejection } from './reply/reply-spec.js';
import { trackListParts } from './track-parts.js';

/** Any track id parses; `#checkTrack` holds it to the pool with a re-ask the model can act on. */
const AnyTrackReplySchema = recsysReplySchema();

export interface RecsysAgentOptions {
  profile: ListenerProfile;
  /** The only tracks it may recommend; it never sees the goal or the profiling tracks. */
  pool: readonly Track[];
  /** The language every thought and message is written in (`--language`). */
  language: string;
}

/** The Recsys chat ("TalkPlay"): one pool track per turn, never the same one twice. */
export class RecsysAgent {
  readonly #context: AgentContext;
  readonly #options: RecsysAgentOptions;
  readonly #chat: AgentChat;
  readonly #recommended: string[] = [];

  constructor(context: AgentContext, options: RecsysAgentOptions) {
    this.#context = context;
    this.#options = options;
    const systemInstruction = context.prompts.render('recsys-system', {
      pool_size: String(options.pool.length),
      language: options.language,
    });
    this.#chat = new AgentChat(context, 'recsys', systemInstruction);
  }

  /** Shows the listener profile and the whole pool (ids, audio, covers). */
  async prime(): Promise<void> {
    const { pool, profile } = this.#options;
    const text = this.#context.prompts.render('recsys-priming', {
      profile: formatProfile(profile),
      pool_size: String(pool.length),
      track_contents: describeTrackContents(pool, 'catalog'),
    });
    await this.#chat.send(
      0,
      'recsys-priming',
      [{ kind: 'text', text }, ...trackListParts(pool, 'catalog')],
      ACKNOWLEDGEMENT,
    );
  }

  /** One recommendation; throws `AgentReplyError` when no reply named a track it may recommend. */
  async recommend(turn: number, listenerMessage: string): Promise<RecsysTurn & { track: Track }> {
    const text = this.#context.prompts.render('recsys-turn', {
      turn: String(turn),
      listener_message: listenerMessage,
      recommended_track_ids: this.#recommended.length > 0 ? this.#recommended.join(', ') : '(none yet)',
      language: this.#options.language,
    });
    const remaining = this.remainingPool().map((track) => track.track_id);
    const reply = await this.#chat.send(turn, 'recsys-turn', [{ kind: 'text', text }], {
      schema: AnyTrackReplySchema,
      responseSchema:
        remaining.length > 0 ? () => recsysReplySchema(remaining as [string, ...string[]]) : undefined,
      check: (candidate) => this.#checkTrack(candidate),
    });
    const track = this.#options.pool.find((candidate) => candidate.track_id === reply.track_id) as Track;
    this.#recommended.push(track.track_id);
    return { thought: reply.thought, message: reply.message, track, response_code: 'SUCCESS' };
  }

  /** Pool tracks not recommended yet, in pool order. */
  remainingPool(): Track[] {
    return this.#options.pool.filter((track) => !this.#recommended.includes(track.track_id));
  }

  #checkTrack(reply: RecsysReply): ReplyRejection | undefined {
    if (this.#recommended.includes(reply.track_id)) {
      return {
        code: 'DUPLICATE_TRACK',
        problem: `track_id "${reply.track_id}" was already recommended; choose another track from the pool`,
      };
    }
    if (!this.#options.pool.some((track) => track.track_id === reply.track_id)) {
      return {
        code: 'NO_TRACK_FOUND',
        problem: `track_id "${reply.track_id}" is not in the pool; copy an exact track_id from the pool`,
      };
    }
    return undefined;
  }
}
