import { describe, expect, it } from 'vitest';
import { printable } from './printable.js';

describe('printable', () => {
  it('should escape terminal escapes, newlines and C1 controls, and keep the rest', () => {
    const hostile = 'Song \u001b[2J\u001b]0;owned\u0007 é\n next\u009b1m ♪';
    expect(printable(hostile)).toBe('Song \\u001b[2J\\u001b]0;owned\\u0007 é\\u000a next\\u009b1m ♪');
  });

  it('should keep a JSON line valid JSON with the same value', () => {
    const value = { title: 'a\u0085b\u007fc' };
    expect(JSON.parse(printable(JSON.stringify(value)))).toEqual(value);
  });
});
