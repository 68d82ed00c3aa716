import { describe, expect, it } from 'vitest';
import { parseSnippetOffset } from './snippet-settings.js';
import { snippetSeconds, snippetSpan } from './snippet-span.js';

const RATE = 1000;
const thirtySeconds = 30 * RATE;

describe('snippetSpan', () => {
  it('should take the first seconds with start, the centre with middle', () => {
    expect(snippetSpan(thirtySeconds, RATE, { seconds: 3, offset: 'start' })).toEqual({
      start: 0,
      length: 3000,
    });
    expect(snippetSpan(thirtySeconds, RATE, { seconds: 3, offset: 'middle' })).toEqual({
      start: 13_500,
      length: 3000,
    });
  });

  it('should start a number of seconds in, or take the last seconds when that runs past the end', () => {
    expect(snippetSpan(thirtySeconds, RATE, { seconds: 3, offset: 12.5 })).toEqual({
      start: 12_500,
      length: 3000,
    });
    expect(snippetSpan(thirtySeconds, RATE, { seconds: 3, offset: 28 })).toEqual({
      start: 27_000,
      length: 3000,
    });
    expect(snippetSpan(thirtySeconds, RATE, { seconds: 3, offset: 90 })).toEqual({
      start: 27_000,
      length: 3000,
    });
  });

  it('should use a clip shorter than the snippet whole, wherever the offset points', () => {
    for (const offset of ['start', 'middle', 1] as const) {
      expect(snippetSpan(2000, RATE, { seconds: 3, offset })).toEqual({ start: 0, length: 2000 });
    }
  });
});

describe('snippetSeconds', () => {
  it('should be the snippet length, or the clip length when shorter', () => {
    expect(snippetSeconds(30, { seconds: 3, offset: 'middle' })).toBe(3);
    expect(snippetSeconds(1.5, { seconds: 3, offset: 20 })).toBe(1.5);
  });
});

describe('parseSnippetOffset', () => {
  it('should take start, middle or seconds, and say what it takes otherwise', () => {
    expect(parseSnippetOffset('start')).toBe('start');
    expect(parseSnippetOffset('middle')).toBe('middle');
    expect(parseSnippetOffset('12.5')).toBe(12.5);
    for (const wrong of ['end', '-1', '', 'Infinity']) {
      expect(() => parseSnippetOffset(wrong)).toThrow(
        /must be start, middle or a number of seconds of at least 0/,
      );
    }
  });
});
