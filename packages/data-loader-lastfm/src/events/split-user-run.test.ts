import { describe, expect, it } from 'vitest';
import { splitUserRun } from './split-user-run.js';

const at = (day: number, hour: number, minute = 0) => Date.UTC(2011, 11, day, hour, minute);
const run = (times: number[]) => ({ userId: '53726', trackIds: times.map((_, index) => `t${index}`), times });

describe('splitUserRun', () => {
  it('should make one session per UTC day with the paper ids', () => {
    const sessions = [
      ...splitUserRun(run([at(26, 8), at(26, 23, 59), at(27, 0), at(29, 12)]), { kind: 'day' }),
    ];
    expect(sessions).toEqual([
      { sessionId: '53726__2011-12-26', date: '2011-12-26', start: 0, end: 2 },
      { sessionId: '53726__2011-12-27', date: '2011-12-27', start: 2, end: 3 },
      { sessionId: '53726__2011-12-29', date: '2011-12-29', start: 3, end: 4 },
    ]);
  });

  it('should cut at a silence longer than the gap, across midnight too', () => {
    const times = [at(26, 23, 30), at(26, 23, 50), at(27, 0, 10), at(27, 1, 0), at(27, 1, 30)];
    const sessions = [...splitUserRun(run(times), { kind: 'gap', gapMinutes: 30 })];
    expect(sessions.map(({ sessionId, start, end }) => [sessionId, start, end])).toEqual([
      ['53726__2011-12-26T23:30:00Z', 0, 3],
      ['53726__2011-12-27T01:00:00Z', 3, 5],
    ]);
    expect(sessions[0]?.date).toBe('2011-12-26');
  });

  it('should keep a silence of exactly the gap inside one session', () => {
    const sessions = [...splitUserRun(run([at(26, 10), at(26, 10, 30)]), { kind: 'gap', gapMinutes: 30 })];
    expect(sessions).toHaveLength(1);
  });
});
