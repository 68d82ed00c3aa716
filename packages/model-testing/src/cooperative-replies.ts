import { formatReply, type ReplyFields } from './format-reply.js';
import { findInUserTexts, type PromptText, replyFormatOf, replyKeysOf } from './prompt-text.js';
import { remainingTrackIdsOf } from './track-pool.js';

/** Every adapted goal carries it, so a test can prove the Recsys never sees the goal. */
export const GOAL_MARKER = 'hidden-goal-marker';

/** The acknowledgement of a priming message, which asks for no keys. */
export const ACKNOWLEDGEMENT_TEXT = 'Got it, I have the tracks.';

// goal-agent.ts formats each candidate as `Candidate N: category X (name), specificity YY
// (words), target turns A to B`, the range already capped by the turn count.
const candidateLine =
  /^Candidate \d+: category ([A-K]) \(.*\), specificity (LL|HL|LH|HH) \(.*\), target turns (\d+) to (\d+)$/m;

function goalReply(prompt: PromptText, number: number): ReplyFields {
  const candidate = findInUserTexts(prompt, candidateLine);
  if (candidate === null) {
    throw new Error(
      'goal prompt lists no "Candidate N: category X (...), specificity YY (...), target turns A to B"',
    );
  }
  return {
    category_code: candidate[1],
    specificity_code: candidate[2],
    listener_goal: `Find calm, slow tracks with warm vocals and soft drums for late evenings at home (${GOAL_MARKER} ${number}).`,
    listener_expertise: 'neutral',
    initial_query_examples: [
      `Opening ${number}: something calm for a quiet night in?`,
      `Opening ${number}: warm vocals and nothing too busy, please.`,
    ],
    iteration_query_examples: ['A bit slower, maybe, and softer?', 'Less drums this time, more voice.'],
    achieved_query_examples: ['That is exactly the mood I wanted.', 'Perfect, keep them coming like this.'],
    // Any turn of the candidate's range passes the goal check; the earliest will do.
    target_turn_count: Number(candidate[3]),
  };
}

/** Turn 1 must copy an initial query example: formatList writes them as `"a"; "b"` on one line. */
function firstTurnReply(prompt: PromptText): ReplyFields {
  const line = findInUserTexts(prompt, /^"(.+)"$/m);
  if (line?.[1] === undefined) throw new Error('listener first-turn prompt lists no "a"; "b" examples');
  const examples = line[1].split('"; "');
  return {
    thought: 'The second opening sounds like me: it says what I want tonight the way I would say it.',
    message: examples.at(-1),
  };
}

function recsysReply(prompt: PromptText): ReplyFields {
  const remaining = remainingTrackIdsOf(prompt);
  if (remaining.length === 0) throw new Error('recsys prompt leaves no track id to recommend');
  return {
    thought:
      'The listener wants something calm with warm vocals. Of the tracks left in the pool, this one is the calmest.',
    track_id: remaining.at(-1),
    message: 'Here is a calm one with warm vocals for your evening, soft and unhurried.',
  };
}

/**
 * The fields a cooperative model would answer with, chosen by the keys the request asks
 * for; undefined for a priming message. Throws when the prompt lacks what the agent needs.
 */
export function cooperativeReplyFields(
  prompt: PromptText,
  nextGoalNumber: () => number,
): ReplyFields | undefined {
  const keys = replyKeysOf(prompt);
  if (keys.length === 0) return undefined;
  if (keys.includes('preferred_musical_culture')) {
    return {
      preferred_musical_culture: 'Brazilian MPB',
      top_1_artist: 'Paper Signals',
      top_1_genre: 'indie rock',
    };
  }
  if (keys.includes('category_code')) return goalReply(prompt, nextGoalNumber());
  if (keys.includes('track_id')) return recsysReply(prompt);
  if (keys.includes('goal_progress_assessment')) {
    // Alternate by history length so both assessments reach the written chat.
    const assessment = prompt.messages.length % 4 === 1 ? 'MOVES_TOWARD_GOAL' : 'DOES_NOT_MOVE_TOWARD_GOAL';
    return {
      thought: 'Nice texture and a warm voice, but not quite there yet: the drums are still a little busy.',
      goal_progress_assessment: assessment,
      message: 'More like that, but softer and slower, with fewer drums this time?',
    };
  }
  if (keys.join() === 'thought,message') return firstTurnReply(prompt);
  // A judge's verdict (`tp2dg-eval`): a score on the rubric's 1-4 scale, and why.
  if (keys.join() === 'score,rationale') {
    return { score: 3, rationale: 'The track fits the request, though one detail of it is debatable.' };
  }
  throw new Error(`no reply known for the keys ${keys.join(', ')}`);
}

/**
 * The text a cooperative model answers with, in the format the request asks for: the
 * acknowledgement for a priming message. Throws when the prompt lacks what its agent needs.
 */
export function cooperativeReplyText(prompt: PromptText, nextGoalNumber: () => number): string {
  const fields = cooperativeReplyFields(prompt, nextGoalNumber);
  return fields === undefined ? ACKNOWLEDGEMENT_TEXT : formatReply(fields, replyFormatOf(prompt));
}

/**
 * A cooperative model for one emulator: each request's reply text, its goals numbered in the
 * order they are asked, so every goal of a run carries its own number after the marker.
 */
export function createCooperativeReplier(): (prompt: PromptText) => string {
  let goals = 0;
  return (prompt) => cooperativeReplyText(prompt, () => ++goals);
}
