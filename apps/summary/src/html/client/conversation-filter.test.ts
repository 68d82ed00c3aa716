import { describe, expect, it } from 'vitest';
import type { ConversationView } from '../report-data.js';
import {
  type ConversationFilter,
  filterChoices,
  matchesFilter,
  searchableText,
} from './conversation-filter.js';

function conversation(
  userId: string,
  category: string,
  name: string | null,
  codes: string[],
): ConversationView {
  return {
    folder: `m/c/${userId}/${userId}__s`,
    session_id: `${userId}__s`,
    user_id: userId,
    session_date: null,
    provider: 'gemini',
    model: 'gemini-3.5-flash-lite',
    simulated: false,
    ended_early: null,
    profile: [],
    goal: {
      category_code: category,
      category: name,
      specificity_code: 'LL',
      listener_goal: 'Songs for a Rainy Evening',
      target_turn_count: 3,
    },
    turns: codes.map((code, index) => ({
      turn: index + 1,
      listener: { message: 'more?', thought: 'hm', goal_progress_assessment: null, response_code: 'SUCCESS' },
      recsys: {
        message: 'try this',
        thought: 'fits',
        response_code: code as ConversationView['turns'][number]['recsys']['response_code'],
        track: {
          track_id: `t-${userId}`,
          title: 'Harbour Lights',
          artist: 'The Tides',
          album: null,
          tags: [],
          media_key: null,
        },
      },
    })),
    evaluation: null,
  };
}

const ANY: ConversationFilter = { text: '', category: '', specificity: '', user: '', responseCode: '' };
const first = conversation('u1', 'A', null, ['SUCCESS']);
const second = conversation('u2', 'A', 'Mood', ['SUCCESS', 'NO_TRACK_FOUND']);
const shown = (filter: Partial<ConversationFilter>) =>
  [first, second]
    .filter((each) => matchesFilter(each, searchableText(each), { ...ANY, ...filter }))
    .map((each) => each.user_id);

describe('conversation filter', () => {
  it('should find every word of the search in any case, in messages, goals, tracks and ids', () => {
    expect(shown({})).toEqual(['u1', 'u2']);
    expect(shown({ text: 'rainy HARBOUR' })).toEqual(['u1', 'u2']);
    expect(shown({ text: 't-u2' })).toEqual(['u2']);
    expect(shown({ text: 'harbour sunshine' })).toEqual([]);
  });

  it('should filter by user, goal and a response code of any turn', () => {
    expect(shown({ user: 'u1' })).toEqual(['u1']);
    expect(shown({ responseCode: 'NO_TRACK_FOUND' })).toEqual(['u2']);
    expect(shown({ category: 'A', specificity: 'HH' })).toEqual([]);
  });

  it('should offer the values that occur, naming a category when any conversation names it', () => {
    expect(filterChoices([first, second])).toEqual({
      categories: [['A', 'A: Mood']],
      specificities: [['LL', 'LL']],
      users: [
        ['u1', 'u1'],
        ['u2', 'u2'],
      ],
      responseCodes: [
        ['NO_TRACK_FOUND', 'NO_TRACK_FOUND'],
        ['SUCCESS', 'SUCCESS'],
      ],
    });
  });
});
