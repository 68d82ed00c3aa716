import {
  type ConversationGoal,
  type GoalTemplate,
  type ProfileSummary,
  type SeededRandom,
  type Session,
  type Track,
  targetTurnRange,
} from '@tp2dg/entities';
import { joinSentences } from './sentences.js';

/** Tags that occur most across tracks, most frequent first (ties keep first appearance). */
export function topTags(tracks: readonly Track[], count: number): string[] {
  return mostFrequent(
    tracks.flatMap((track) => track.tags),
    count,
  );
}

export function simulatedProfile(session: Session): ProfileSummary {
  const tracks = session.profiling_tracks;
  const genre =
    mostFrequent(
      tracks.map((track) => track.tags[0] ?? 'eclectic'),
      1,
    )[0] ?? 'eclectic';
  return {
    preferred_musical_culture: `${session.user.country ?? 'A'} listener of ${genre}`,
    top_1_artist:
      mostFrequent(
        tracks.map((track) => track.artist),
        1,
      )[0] ?? 'unknown',
    top_1_genre: genre,
  };
}

/** Takes one candidate as it is: a simulation has no judgement to adapt it with. */
export function simulatedGoal(
  candidates: readonly GoalTemplate[],
  turnCount: number,
  random: SeededRandom,
): ConversationGoal {
  const template = random.pick(candidates);
  const [lower, upper] = targetTurnRange(template.specificity_code, turnCount);
  return {
    category_code: template.category_code,
    specificity_code: template.specificity_code,
    listener_goal: template.listener_goal,
    listener_expertise: template.listener_expertise,
    initial_query_examples: template.initial_query_examples,
    iteration_query_examples: template.iteration_query_examples,
    achieved_query_examples: template.achieved_query_examples,
    target_turn_count: lower + random.int(upper - lower + 1),
  };
}

export interface ReactionInput {
  turn: number;
  goal: ConversationGoal;
  track: Track;
  interests: readonly string[];
  random: SeededRandom;
}

/**
 * Likes a track that shares a tag with the listener's own and asks for more of one of those
 * tags. The message follows the assessment: a miss says so; a track that moves toward the goal
 * says what it has, and only once the goal's target turn has passed (the Listener's prompt paces
 * the goal so) does the listener say the goal is met, in one of the goal's own "achieved" lines.
 * The catalog's "iteration" lines are not used: they praise and complain alike, so they would
 * contradict one assessment or the other.
 */
export function simulatedReaction({ turn, goal, track, interests, random }: ReactionInput) {
  const shared = track.tags.find((tag) => interests.includes(tag));
  const wish = random.pick(interests.length > 0 ? interests : ['different']);
  if (shared === undefined) {
    return {
      thought: `"${track.title}" is not what I had in mind; none of what I usually like is in it.`,
      goal_progress_assessment: 'DOES_NOT_MOVE_TOWARD_GOAL' as const,
      message: joinSentences([
        `Not quite: "${track.title}" is not what I am after`,
        `Something more ${wish}, maybe?`,
      ]),
    };
  }
  const goalMet = turn > goal.target_turn_count;
  return {
    thought: `"${track.title}" has the ${shared} sound I came for.`,
    goal_progress_assessment: 'MOVES_TOWARD_GOAL' as const,
    message: goalMet
      ? joinSentences([random.pick(goal.achieved_query_examples), `More like this, with some ${wish} too?`])
      : joinSentences([`Closer: I like the ${shared} in "${track.title}"`, `Something more ${wish}, maybe?`]),
  };
}

/** Picks the remaining track whose tags best match the message; pool order breaks ties. */
export function simulatedRecommendation(message: string, remaining: readonly Track[]) {
  const words = new Set(message.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? []);
  const asked = (tag: string) =>
    tag
      .toLowerCase()
      .split(/\s+/)
      .every((word) => words.has(word));
  const score = (track: Track) => track.tags.filter(asked).length;
  let best = remaining[0] as Track;
  for (const track of remaining) if (score(track) > score(best)) best = track;
  const matched = best.tags.filter(asked);
  return {
    thought:
      matched.length > 0
        ? `The listener asks for ${matched.join(' and ')}. "${best.title}" carries those tags, so it fits best among the remaining tracks.`
        : `No remaining track matches the request's words. "${best.title}" is the next candidate in the pool.`,
    track_id: best.track_id,
    message: `Try "${best.title}" by ${best.artist}: ${best.tags.slice(0, 3).join(', ')}.`,
  };
}

function mostFrequent(values: readonly string[], count: number): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort((left, right) => right[1] - left[1])
    .slice(0, count)
    .map(([value]) => value);
}
