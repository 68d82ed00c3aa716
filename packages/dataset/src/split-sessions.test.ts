import { describe, expect, it } from 'vitest';
import type { KeptSession } from './select-sessions.js';
import { splitSessions } from './split-sessions.js';

/** `users` users with `each` conversations, one a month from January 2020. */
function sessions(users: number, each: number, dated = true): KeptSession[] {
  return Array.from({ length: users }, (_, u) =>
    Array.from({ length: each }, (_, s) => {
      const date = `2020-${String(s + 1).padStart(2, '0')}-01`;
      return {
        folder: `/run/u${u}/s${s}`,
        sessionId: `u${u}__${date}`,
        userId: `u${u}`,
        sessionDate: dated ? date : null,
      };
    }),
  ).flat();
}

describe('splitSessions by user', () => {
  const all = sessions(2000, 3);
  const splits = splitSessions(all, { by: 'user', testRatio: 0.1, coldRatio: 0.05, seed: 7 });
  const users = [...splits.byUser.values()];
  const share = (split: string) => users.filter((value) => value === split).length / users.length;

  it('should draw about the asked share of users into each user split', () => {
    expect(share('test_cold')).toBeGreaterThan(0.03);
    expect(share('test_cold')).toBeLessThan(0.07);
    expect(share('test_warm')).toBeGreaterThan(0.08);
    expect(share('test_warm')).toBeLessThan(0.12);
  });

  it('should put every conversation of a cold user in test, and only the latest of a warm test user', () => {
    for (const session of all) {
      const split = splits.bySession.get(session.sessionId);
      const userSplit = splits.byUser.get(session.userId);
      if (userSplit === 'test_cold') expect(split).toBe('test');
      if (userSplit === 'train_warm') expect(split).toBe('train');
      if (userSplit === 'test_warm')
        expect(split).toBe(session.sessionDate === '2020-03-01' ? 'test' : 'train');
    }
  });

  it('should give the same splits for the same seed and other ones for another seed', () => {
    const again = splitSessions(all, { by: 'user', testRatio: 0.1, coldRatio: 0.05, seed: 7 });
    const other = splitSessions(all, { by: 'user', testRatio: 0.1, coldRatio: 0.05, seed: 8 });
    expect(again.byUser).toEqual(splits.byUser);
    expect(other.byUser).not.toEqual(splits.byUser);
  });

  it('should keep a drawn warm test user with a single conversation in train', () => {
    const single = splitSessions(sessions(200, 1), { by: 'user', testRatio: 1, coldRatio: 0, seed: 1 });
    expect(new Set(single.byUser.values())).toEqual(new Set(['train_warm']));
  });
});

describe('splitSessions by date', () => {
  it('should put the latest conversations in test, a boundary date whole, and name users by what they have', () => {
    const all = sessions(4, 5);
    // 20 conversations, 10 %: two, but the boundary month has four.
    const splits = splitSessions(all, { by: 'date', testRatio: 0.1, coldRatio: 0, seed: 1 });
    const test = all.filter((session) => splits.bySession.get(session.sessionId) === 'test');
    expect(test.map((session) => session.sessionDate)).toEqual(Array(4).fill('2020-05-01'));
    expect(new Set(splits.byUser.values())).toEqual(new Set(['test_warm']));
    const coldOnly = splitSessions(
      [
        ...all,
        ...sessions(1, 6).map((s) => ({
          ...s,
          userId: 'late',
          sessionId: `late-${s.sessionId}`,
          sessionDate: '2021-01-01',
        })),
      ],
      {
        by: 'date',
        testRatio: 0.1,
        coldRatio: 0,
        seed: 1,
      },
    );
    expect(coldOnly.byUser.get('late')).toBe('test_cold');
    expect(coldOnly.byUser.get('u0')).toBe('train_warm');
  });

  it('should name the first conversation without a session_date', () => {
    expect(() =>
      splitSessions(sessions(2, 2, false), { by: 'date', testRatio: 0.1, coldRatio: 0, seed: 1 }),
    ).toThrow(/\/run\/u0\/s0\/session.json: session u0__2020-01-01 has no session_date/);
  });
});
