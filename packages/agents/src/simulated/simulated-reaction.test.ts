import { createSeededRandom, type Track } from '@tp2dg/entities';
import { loadGoalCatalog } from '@tp2dg/prompts';
import { describe, expect, it } from 'vitest';
import { simulatedGoal, simulatedReaction } from './simulated-replies.js';

const catalog = await loadGoalCatalog();
const interests = ['indie rock', 'violin', 'lo-fi'];
const liked: Track = {
  track_id: 't1',
  title: 'Lights Over the Harbor',
  artist: 'A',
  tags: ['violin', 'playful'],
};
const missed: Track = { track_id: 't2', title: 'Steel Rain', artist: 'B', tags: ['metal'] };
const SEEDS = 40;

/** Every reaction of the simulated Listener over the whole goal catalog, many seeds, turns 2 to 9. */
function allReactions() {
  const reactions = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    for (const template of catalog) {
      const goal = simulatedGoal([template], 8, createSeededRandom(seed, template.listener_goal));
      for (let turn = 2; turn <= 9; turn++) {
        for (const track of [liked, missed]) {
          const random = createSeededRandom(seed, template.listener_goal, turn, track.track_id);
          reactions.push({
            goal,
            turn,
            track,
            ...simulatedReaction({ turn, goal, track, interests, random }),
          });
        }
      }
    }
  }
  return reactions;
}

const reactions = allReactions();
const bare = (text: string) => text.toLowerCase().replace(/[.!?]+$/, '');
const saysGoalMet = (message: string, achieved: readonly string[]) =>
  achieved.some((line) => message.toLowerCase().includes(bare(line)));

describe('simulatedReaction', () => {
  it('should assess a track by whether it shares a tag with what the listener likes', () => {
    for (const reaction of reactions) {
      expect(reaction.goal_progress_assessment).toBe(
        reaction.track === liked ? 'MOVES_TOWARD_GOAL' : 'DOES_NOT_MOVE_TOWARD_GOAL',
      );
    }
  });

  it('should say the goal is met only for a track that moves toward it, once its target turn has passed', () => {
    const contradictions = reactions.filter((reaction) => {
      const met = reaction.track === liked && reaction.turn > reaction.goal.target_turn_count;
      return saysGoalMet(reaction.message, reaction.goal.achieved_query_examples) !== met;
    });
    expect(
      contradictions.map(({ goal_progress_assessment, message }) => [goal_progress_assessment, message]),
    ).toEqual([]);
    // Both sides of the rule occur, or the check above proves nothing.
    expect(reactions.some(({ message, goal }) => saysGoalMet(message, goal.achieved_query_examples))).toBe(
      true,
    );
  });

  it('should write whole sentences: a capital first, a stop last, none run into the next', () => {
    const malformed = reactions
      .map(({ message }) => message)
      .filter(
        (message) =>
          !/^\P{L}*\p{Lu}/u.test(message) ||
          !/[.!?]$/.test(message) ||
          // The request that follows the reaction, run into a sentence without its stop.
          /[^.!?]\s+(Something more|More like this)/u.test(message) ||
          /[.!?]\.|\s{2}/.test(message),
      );
    expect(malformed).toEqual([]);
  });
});
