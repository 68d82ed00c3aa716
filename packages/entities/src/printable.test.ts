import { describe, expect, it } from 'vitest';
import { printable, toJsonText } from './printable.js';

describe('printable', () => {
  it('should escape terminal escapes, newlines and C1 controls, and keep the rest', () => {
    const hostile = 'Song \u001b[2J\u001b]0;owned\u0007 é\n next\u009b1m ♪';
    expect(printable(hostile)).toBe('Song \\u001b[2J\\u001b]0;owned\\u0007 é\\u000a next\\u009b1m ♪');
  });

  it('should keep a JSON line valid JSON with the same value', () => {
    const value = { title: 'a\u0085b\u007fc' };
    expect(JSON.parse(printable(JSON.stringify(value)))).toEqual(value);
  });

  it('should write JSON with DEL and C1 controls escaped, pretty-printed or not, read back the same', () => {
    const value = { title: 'a\u009b31m\u001bb\u007f', n: [1] };
    expect(toJsonText(value)).toBe('{"title":"a\\u009b31m\\u001bb\\u007f","n":[1]}');
    expect(JSON.parse(toJsonText(value, 2))).toEqual(value);
    expect(toJsonText(value, 2)).toContain('\n  "n": [');
  });
});
