import { describe, expect, it } from 'vitest';
import { lineAndColumn, locateJsonSyntaxError } from './locate-json-syntax-error.js';

describe('locateJsonSyntaxError', () => {
  it('should accept valid JSON of every kind of value', () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}, "c": []}';
    expect(JSON.parse(text)).toBeTruthy();
    expect(locateJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['{"a": tru}', 9],
    ['{"a": 1,}', 8],
    ['[1 2]', 3],
    ['{"a": 01}', 7],
    ['{"a": "unterminated', 19],
    ['{} extra', 3],
    ['', 0],
  ])('should point at the first error in %j', (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonSyntaxError(text)).toBe(offset);
  });

  it('should convert an offset to a 1-based line and column', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    const offset = locateJsonSyntaxError(text) ?? -1;
    expect(lineAndColumn(text, offset)).toEqual({ line: 3, column: 3 });
  });
});
