import type { ConversationGoal, ConversationTurn, ListenerProfile, Provenance, Track } from '@tp2dg/entities';

/** The two agents that write messages in a chat. */
export const CHAT_AGENTS = ['listener', 'recsys'] as const;
export type ChatAgent = (typeof CHAT_AGENTS)[number];

/**
 * What the metrics read of one conversation: its `chat.json` and the parts of its
 * `session.json` they need, so a `SessionFile` fits as it is and a test builds only these.
 */
export interface ConversationInput {
  chat: readonly ConversationTurn[];
  session: {
    goal: Pick<ConversationGoal, 'target_turn_count'>;
    pool_tracks: readonly Pick<Track, 'track_id' | 'title' | 'artist'>[];
    profile: Pick<ListenerProfile, 'preferred_language'>;
    /** `language` is absent in folders of versions before `--language`. */
    provenance: Pick<Provenance, 'language'>;
  };
}
