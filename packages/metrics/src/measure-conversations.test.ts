import { describe, expect, it } from 'vitest';
import { ConversationMetricsSchema, measureConversations } from './measure-conversations.js';
import { conversation, track } from './test-conversations.js';

const harbor = track('t1', 'Lights Over the Harbor', 'Midnight Orchard');
const saturn = track('t2', 'Echoes of Saturn', 'Static Tides');
const september = track('t3', 'Letters to September', 'Paper Tides');

/** A Portuguese-speaking user in an English conversation aiming at recommendation 2. */
const portugueseUser = conversation({
  preferredLanguage: 'Portuguese',
  language: 'English',
  targetTurn: 2,
  pool: [harbor, saturn, september],
  turns: [
    {
      listener: 'I want something calm for a rainy evening',
      listenerThought: 'I will open with my request.',
      recsys: 'Something calm for a rainy evening: try Lights Over the Harbor.',
      recsysThought: 'Calm and slow.',
      assessment: null,
      track: harbor,
    },
    {
      listener: 'Closer, but I would like more piano in it',
      recsys: 'As an AI I cannot hear it, but Static Tides wrote Echoes of Saturn for piano.',
      assessment: 'MOVES_TOWARD_GOAL',
      track: saturn,
    },
    {
      listener: 'Quero algo mais animado, talvez um samba para a festa.',
      recsys: 'Nothing left that fits.',
      assessment: 'DOES_NOT_MOVE_TOWARD_GOAL',
      track: null,
    },
  ],
});

/** A user with no recorded language, from a run of a version before `--language`. */
const unrecordedUser = conversation({
  preferredLanguage: null,
  targetTurn: 1,
  pool: [harbor, saturn],
  turns: [
    {
      listener: 'I want something calm, maybe jazz',
      recsys: 'Here is Echoes of Saturn, or Lights Over the Harbor if you prefer.',
      assessment: null,
      track: saturn,
    },
    {
      listener: 'ok',
      recsys: 'Glad you like Static Tides!',
      assessment: 'MOVES_TOWARD_GOAL',
      track: harbor,
    },
  ],
});

describe('measureConversations', () => {
  const metrics = measureConversations([portugueseUser, unrecordedUser]);

  it('should return what its schema describes', () => {
    expect(ConversationMetricsSchema.parse(metrics)).toEqual(metrics);
    expect(metrics.conversations).toBe(2);
  });

  it('should measure each agent’s messages and thoughts in words', () => {
    expect(metrics.listener.messages).toBe(5);
    // 8 + 9 + 10 + 6 + 1 words.
    expect(metrics.listener.message_words).toEqual({ mean: 6.8, min: 1, max: 10 });
    // "I will open with my request." (6) and four "hm".
    expect(metrics.listener.thought_words).toEqual({ mean: 2, min: 1, max: 6 });
    expect(metrics.recsys.thought_words).toEqual({ mean: 1.4, min: 1, max: 3 });
  });

  it('should pair each message with the one before it for verbatim openings', () => {
    // The Recsys of turn 1 opens with the Listener's "something calm for a"; no other reply
    // repeats its previous message's words, and "ok" is too short to count.
    expect(metrics.recsys.verbatim_openings).toEqual({ count: 1, out_of: 5, share: 0.2 });
    expect(metrics.listener.verbatim_openings).toEqual({ count: 0, out_of: 2, share: 0 });
  });

  it('should find self-mentions per agent', () => {
    expect(metrics.recsys.ai_self_mentions.messages).toEqual({ count: 1, out_of: 5, share: 0.2 });
    expect(metrics.listener.ai_self_mentions.messages.count).toBe(0);
  });

  it('should compare message languages with the recorded preferred and conversation languages', () => {
    const { languages } = metrics.listener;
    expect(languages.detected).toEqual([
      { language: 'en', messages: 3 },
      { language: 'pt', messages: 1 },
    ]);
    expect(languages.undetermined).toBe(1);
    // Only the Portuguese user's three messages have expectations.
    expect(languages.in_preferred_language).toEqual({ count: 1, out_of: 3, share: 0.3333 });
    expect(languages.in_conversation_language).toEqual({ count: 2, out_of: 3, share: 0.6667 });
  });

  it('should check the Recsys turns that came with a track against the rest of their pool', () => {
    expect(metrics.track_naming).toEqual({
      // Turn 3 of the first conversation came without a track.
      turns: 4,
      // Turns 1 and 2 of the first conversation and turn 1 of the second name their title,
      // only turn 2 of the first its artist. Turn 1 of the second names the other pool track
      // too; its turn 2 names no track, only the artist of another ("Static Tides").
      names_title: 3,
      names_artist: 1,
      names_other_pool_track: 1,
      names_recommended_only: { count: 2, out_of: 4, share: 0.5 },
    });
  });

  it('should place each assessment by the recommendation it judges against the target', () => {
    expect(metrics.goal_progress_by_target).toEqual({
      // Recommendation 1 of the conversation aiming at 2.
      before_target: { count: 1, out_of: 1, share: 1 },
      // Recommendation 2 of the first, recommendation 1 of the second.
      at_target: { count: 1, out_of: 2, share: 0.5 },
      after_target: { count: 0, out_of: 0, share: null },
    });
  });

  it('should compare first Listener messages across conversations', () => {
    expect(metrics.repeated_openings.conversations).toEqual({ count: 2, out_of: 2, share: 1 });
    expect(metrics.repeated_openings.most_repeated).toEqual([
      { opening: 'i want something calm', conversations: 2 },
    ]);
  });

  it('should give counts of zero and no shares for no conversation', () => {
    const empty = measureConversations([]);
    expect(empty.listener.distinct_2).toEqual({ count: 0, out_of: 0, share: null });
    expect(empty.recsys.message_words).toEqual({ mean: null, min: null, max: null });
    expect(empty.repeated_openings.most_repeated).toEqual([]);
  });
});
