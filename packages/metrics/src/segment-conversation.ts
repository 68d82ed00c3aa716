import type { Track } from '@tp2dg/entities';
import type { ChatAgent, ConversationInput } from './conversation-input.js';
import type { Assessment } from './goal-progress-by-target.js';
import { languageCode } from './language-detection.js';
import type { ExpectedLanguages } from './message-languages.js';
import type { Recommendation, TrackWords } from './track-naming.js';
import type { MessageAfter } from './verbatim-openings.js';
import { words } from './words.js';

/** One message, its words and the words of the thought behind it: segmented once for every metric. */
export interface SegmentedMessage {
  text: string;
  words: readonly string[];
  thoughtWords: readonly string[];
}

/** A conversation as the metrics take it: each part in the shape its metric reads. */
export interface SegmentedConversation {
  /** Each agent's messages, in turn order. */
  messages: Record<ChatAgent, SegmentedMessage[]>;
  /** Each agent's messages after the first message of the conversation, with the message just before. */
  replies: Record<ChatAgent, MessageAfter[]>;
  expectedLanguages: ExpectedLanguages;
  /** The Recsys turns that came with a track. */
  recommendations: Recommendation[];
  /** The Listener's goal progress assessments (turns 2..N). */
  assessments: Assessment[];
}

function trackWords(track: Pick<Track, 'title' | 'artist'>): TrackWords {
  return { title: words(track.title), artist: words(track.artist) };
}

/** A recorded language name as a detectable language, or null where none is recorded or known. */
function expectedLanguage(name: string | null | undefined): string | null {
  return name === null || name === undefined ? null : languageCode(name);
}

function segmentMessage(part: { message: string; thought: string }): SegmentedMessage {
  return { text: part.message, words: words(part.message), thoughtWords: words(part.thought) };
}

export function segmentConversation({ chat, session }: ConversationInput): SegmentedConversation {
  const turns = chat.map((recorded) => ({
    recorded,
    listener: segmentMessage(recorded.listener),
    recsys: segmentMessage(recorded.recsys),
  }));
  const pool = session.pool_tracks.map((track) => ({ id: track.track_id, words: trackWords(track) }));
  return {
    messages: { listener: turns.map(({ listener }) => listener), recsys: turns.map(({ recsys }) => recsys) },
    replies: {
      // The Listener of turn k answers the Recsys of turn k - 1; the Recsys of turn k answers the Listener of turn k.
      listener: turns.flatMap(({ listener }, index) => {
        const before = turns[index - 1];
        return before === undefined ? [] : [{ previous: before.recsys.words, message: listener.words }];
      }),
      recsys: turns.map(({ listener, recsys }) => ({ previous: listener.words, message: recsys.words })),
    },
    expectedLanguages: {
      preferred: expectedLanguage(session.profile.preferred_language),
      conversation: expectedLanguage(session.provenance.language),
    },
    recommendations: turns.flatMap(({ recorded, recsys }) => {
      const track = recorded.recsys.track;
      if (track === null) return [];
      const otherPoolTracks = pool.filter(({ id }) => id !== track.track_id).map((other) => other.words);
      return [{ message: recsys.words, track: trackWords(track), otherPoolTracks }];
    }),
    assessments: chat.flatMap(({ turn, listener: { goal_progress_assessment: assessment } }) =>
      assessment === null
        ? []
        : [
            {
              // The assessment at turn k judges recommendation k - 1, the number the goal's target counts in.
              recommendation: turn - 1,
              target: session.goal.target_turn_count,
              movesTowardGoal: assessment === 'MOVES_TOWARD_GOAL',
            },
          ],
    ),
  };
}
