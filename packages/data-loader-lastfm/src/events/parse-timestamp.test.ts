import { describe, expect, it } from 'vitest';
import { parseTimestamp, utcDate } from './parse-timestamp.js';

describe('parseTimestamp', () => {
  it('should read LFM-1b unix seconds', () => {
    expect(parseTimestamp('1325376000')).toBe(Date.UTC(2012, 0, 1));
  });

  it('should read milliseconds when there are 12 or more digits', () => {
    expect(parseTimestamp('1325376000123')).toBe(Date.UTC(2012, 0, 1) + 123);
  });

  it('should read LFM-2b and Onion date-times as UTC, with a space or a T', () => {
    expect(parseTimestamp('2013-02-06 21:34:02')).toBe(Date.UTC(2013, 1, 6, 21, 34, 2));
    expect(parseTimestamp('2013-02-06T21:34:02Z')).toBe(Date.UTC(2013, 1, 6, 21, 34, 2));
    expect(parseTimestamp('2013-02-06 21:34:02.250')).toBe(Date.UTC(2013, 1, 6, 21, 34, 2) + 250);
  });

  it('should agree with Date.UTC on every day from 1960 to 2040, leap days included', () => {
    for (let time = Date.UTC(1960, 0, 1, 13, 7, 9); time < Date.UTC(2041, 0, 1); time += 86_400_000) {
      const text = new Date(time).toISOString().replace('T', ' ').slice(0, 19);
      expect(parseTimestamp(text), text).toBe(time);
    }
  });

  it('should give NaN for what is not a time', () => {
    for (const text of [
      '',
      'yesterday',
      '2013-02-06',
      '2013-13-06 21:34:02',
      '2013-02-06 21:34:02+01:00',
      '12ab',
    ]) {
      expect(parseTimestamp(text), text).toBeNaN();
    }
  });
});

describe('utcDate', () => {
  it('should name the UTC day, not the local one', () => {
    expect(utcDate(Date.UTC(2011, 11, 26, 23, 59, 59))).toBe('2011-12-26');
    expect(utcDate(Date.UTC(2011, 11, 27, 0, 0, 0))).toBe('2011-12-27');
  });
});
