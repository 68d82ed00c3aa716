import { describeSpecificity, describeTrack, type TrackView } from '@tp2dg/agents';
import { type ConversationGoal, savedFileError, type Track } from '@tp2dg/entities';
import type { JudgedConversation } from '../judged-conversation.js';
import type { ChatTurn } from './rubric.js';

/**
 * Turns as a judge reads them: the listener's message, the track recommended (its title, artist
 * and album, as the listener got it) and the recommender's answer. Never a private thought nor a
 * progress label: the rubrics that need those name them.
 */
export function describeTurns(conversation: JudgedConversation, turns: readonly ChatTurn[]): string {
  if (turns.length === 0) return '(none: the conversation starts here)';
  return turns
    .map((turn) =>
      [
        `Turn ${turn.turn}`,
        `Listener: ${turn.listener.message}`,
        `Recommendation ${turn.turn}: ${describeTrack(trackOf(conversation, turn), 'recommended')}`,
        `Recommender: ${turn.recsys.message}`,
      ].join('\n'),
    )
    .join('\n\n');
}

/** The turns before `turn`. */
export function turnsBefore(conversation: JudgedConversation, turn: ChatTurn): ChatTurn[] {
  return conversation.chat.filter((entry) => entry.turn < turn.turn);
}

/** The turn just before `turn`: the recommendation its listener reacts to. */
export function previousTurn(conversation: JudgedConversation, turn: ChatTurn): ChatTurn {
  const previous = conversation.chat.find((entry) => entry.turn === turn.turn - 1);
  if (previous === undefined) throw chatError(conversation, `turn ${turn.turn - 1} is missing`);
  return previous;
}

/** A turn's recommended track: every turn a run saves has one (a chat kept short keeps whole turns only). */
export function trackOf(conversation: JudgedConversation, turn: ChatTurn): Track {
  if (turn.recsys.track === null) throw chatError(conversation, `turn ${turn.turn} has no track`);
  return turn.recsys.track;
}

function chatError(conversation: JudgedConversation, problem: string) {
  return savedFileError(
    `${conversation.folder}/chat.json`,
    `session ${conversation.session.session_id}`,
    problem,
  );
}

/** The goal as the rubrics that need it name it: its text, its kind and precision in words. */
export function goalParams(goal: ConversationGoal): Record<'goal' | 'category' | 'specificity', string> {
  return {
    goal: goal.listener_goal,
    category: goal.category ?? `category ${goal.category_code}`,
    specificity: describeSpecificity(goal.specificity_code),
  };
}

/** How a recommendation reached the listener: with its lyrics excerpt when the run gave it one. */
export function listenerView(conversation: JudgedConversation): TrackView {
  return conversation.session.provenance.listener_lyrics ? 'recommended-with-lyrics' : 'recommended';
}
