import { createHash } from 'node:crypto';
import { Tp2dgError } from '@tp2dg/entities';
import type { Split, UserSplit } from './dataset-schema.js';
import type { KeptSession } from './select-sessions.js';

export interface SplitOptions {
  /** `user`: users drawn at random into the user splits; `date`: the latest conversations are the test split. */
  by: 'user' | 'date';
  /** Share of users (by user) or of conversations (by date) in the test split. */
  testRatio: number;
  /** Share of users whose every conversation is in the test split (by user only). */
  coldRatio: number;
  seed: number;
}

export interface Splits {
  bySession: Map<string, Split>;
  byUser: Map<string, UserSplit>;
}

export function splitSessions(sessions: readonly KeptSession[], options: SplitOptions): Splits {
  return options.by === 'user' ? splitByUser(sessions, options) : splitByDate(sessions, options);
}

/**
 * A user's draw in [0, 1), from the seed and the user id alone: the same user lands in the
 * same split whatever else the run holds, so exports of a growing run stay consistent.
 */
export function userDraw(seed: number, userId: string): number {
  return createHash('sha256').update(`${seed}\u0000${userId}`).digest().readUInt32BE(0) / 2 ** 32;
}

/**
 * Cold test users keep all their conversations in test. A warm test user's latest
 * conversation is in test and the others in train, so a model has seen them before; one with
 * a single conversation has nothing for train and stays a train user.
 */
function splitByUser(sessions: readonly KeptSession[], options: SplitOptions): Splits {
  const byUser = new Map<string, KeptSession[]>();
  for (const session of sessions) {
    const own = byUser.get(session.userId);
    if (own === undefined) byUser.set(session.userId, [session]);
    else own.push(session);
  }
  const splits: Splits = { bySession: new Map(), byUser: new Map() };
  for (const [userId, own] of byUser) {
    const draw = userDraw(options.seed, userId);
    let userSplit: UserSplit = 'train_warm';
    if (draw < options.coldRatio) userSplit = 'test_cold';
    else if (draw < options.coldRatio + options.testRatio && own.length > 1) userSplit = 'test_warm';
    const latest = own.reduce((a, b) => (chronologicalOrder(a, b) >= 0 ? a : b));
    splits.byUser.set(userId, userSplit);
    for (const session of own) {
      const test = userSplit === 'test_cold' || (userSplit === 'test_warm' && session === latest);
      splits.bySession.set(session.sessionId, test ? 'test' : 'train');
    }
  }
  return splits;
}

/**
 * The latest `testRatio` of conversations, by `session_date`, are the test split; a date at
 * the boundary goes whole to test, so no test conversation is older than a train one. Users
 * with only test conversations are cold, with both warm.
 */
function splitByDate(sessions: readonly KeptSession[], options: SplitOptions): Splits {
  const undated = sessions.find((session) => session.sessionDate === null);
  if (undated !== undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${undated.folder}/session.json: session ${undated.sessionId} has no session_date, which --split-by date needs. Regenerate with a tp2dg that saves it, or use --split-by user.`,
    );
  }
  const ordered = [...sessions].sort(chronologicalOrder);
  const testCount = Math.round(ordered.length * options.testRatio);
  const boundary =
    testCount === 0 ? undefined : (ordered[ordered.length - testCount]?.sessionDate ?? undefined);
  const splits: Splits = { bySession: new Map(), byUser: new Map() };
  const userSeen = new Map<string, Set<Split>>();
  for (const session of ordered) {
    const split: Split =
      boundary !== undefined && (session.sessionDate as string) >= boundary ? 'test' : 'train';
    splits.bySession.set(session.sessionId, split);
    userSeen.set(session.userId, (userSeen.get(session.userId) ?? new Set()).add(split));
  }
  for (const [userId, seen] of userSeen) {
    splits.byUser.set(
      userId,
      !seen.has('test') ? 'train_warm' : seen.has('train') ? 'test_warm' : 'test_cold',
    );
  }
  return splits;
}

function chronologicalOrder(a: KeptSession, b: KeptSession): number {
  const byDate = (a.sessionDate ?? '').localeCompare(b.sessionDate ?? '');
  return byDate !== 0 ? byDate : a.sessionId.localeCompare(b.sessionId);
}
