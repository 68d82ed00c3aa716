import { describe, expect, it } from 'vitest';
import { dateInSessionId } from './date-in-session-id.js';

describe('dateInSessionId', () => {
  it("should read the day at the end of an id in the paper's convention", () => {
    expect(dateInSessionId('53726__2011-12-26')).toBe('2011-12-26');
    expect(dateInSessionId('u01__2019-01-07')).toBe('2019-01-07');
  });

  it('should find no day in other ids, or a day not on the calendar', () => {
    for (const sessionId of [
      'mpd-12',
      '2011-12-26',
      'u1_2011-12-26',
      'u1__2011-12-26T10:00:00Z',
      'u1__2011-02-30',
    ])
      expect(dateInSessionId(sessionId)).toBeUndefined();
  });
});
