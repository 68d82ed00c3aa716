import {
  type ConversationTurn,
  ConversationTurnSchema,
  type GoalProgress,
  type Track,
} from '@tp2dg/entities';
import type { ConversationInput } from './conversation-input.js';

// Test data only: conversations written by hand, so every metric's value can be worked out.

export interface TurnText {
  listener: string;
  recsys: string;
  /** The Listener's assessment of the previous recommendation; null on turn 1. */
  assessment: GoalProgress | null;
  /** The recommended track; null for a turn whose Recsys found none. */
  track: Track | null;
  listenerThought?: string;
  recsysThought?: string;
}

export function track(track_id: string, title: string, artist: string): Track {
  return { track_id, title, artist, tags: [] };
}

function chatTurn(text: TurnText, index: number): ConversationTurn {
  return ConversationTurnSchema.parse({
    turn: index + 1,
    listener: {
      thought: text.listenerThought ?? 'hm',
      goal_progress_assessment: text.assessment,
      message: text.listener,
      response_code: 'SUCCESS',
    },
    recsys: {
      thought: text.recsysThought ?? 'fits',
      message: text.recsys,
      track: text.track,
      response_code: text.track === null ? 'NO_TRACK_FOUND' : 'SUCCESS',
    },
  });
}

export interface ConversationText {
  turns: TurnText[];
  pool: Track[];
  targetTurn: number;
  preferredLanguage: string | null;
  /** `provenance.language`; absent as in folders of versions before `--language`. */
  language?: string;
}

export function conversation(text: ConversationText): ConversationInput {
  return {
    chat: text.turns.map(chatTurn),
    session: {
      goal: { target_turn_count: text.targetTurn },
      pool_tracks: text.pool,
      profile: { preferred_language: text.preferredLanguage },
      provenance: text.language === undefined ? {} : { language: text.language },
    },
  };
}
