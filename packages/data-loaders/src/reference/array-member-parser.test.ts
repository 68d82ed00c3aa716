import { describe, expect, it } from 'vitest';
import { ArrayMemberParser, ArrayMemberProblem, type ParsedElement } from './array-member-parser.js';
import { lineAndColumn, locateJsonSyntaxError } from './locate-json-syntax-error.js';

/** Feeds `text` in chunks of `size` characters; returns the elements, or the problem it threw. */
function parse(text: string, size: number, key = 'sessions'): ParsedElement[] | ArrayMemberProblem {
  const parser = new ArrayMemberParser(key);
  const elements: ParsedElement[] = [];
  try {
    for (let start = 0; start < text.length; start += size) {
      for (const element of parser.push(text.slice(start, start + size))) elements.push(element);
    }
    parser.end();
    return elements;
  } catch (error) {
    if (error instanceof ArrayMemberProblem) return error;
    throw error;
  }
}

const CHUNK_SIZES = [1, 2, 7, 64, 100_000];

const corpus = JSON.stringify(
  {
    info: { note: 'a "quoted" ] } [ {', list: [1, [2, { x: '}' }]] },
    sessions: [
      { session_id: 's1', track_ids: ['a', 'b\\"]'] },
      'a string with , and ]',
      -12.5e3,
      true,
      null,
      [],
      { nested: { deeper: [{}] } },
    ],
    after: 'x',
  },
  null,
  2,
);

describe('ArrayMemberParser', () => {
  it('should return every element of the array, parsed, however the text is cut into chunks', () => {
    const expected = JSON.parse(corpus).sessions;
    for (const size of CHUNK_SIZES) {
      const parsed = parse(corpus, size);
      if (parsed instanceof ArrayMemberProblem) throw parsed;
      expect(
        parsed.map((element) => element.value),
        `chunks of ${size}`,
      ).toEqual(expected);
      expect(parsed.map((element) => element.index)).toEqual(expected.map((_: unknown, i: number) => i));
    }
  });

  it('should return an element as soon as its chunk completes it, before the rest is read', () => {
    const parser = new ArrayMemberParser('sessions');
    expect([...parser.push('{"sessions": [{"id": 1}, {"id"')]).toEqual([
      { index: 0, value: { id: 1 }, start: { line: 1, column: 15 } },
    ]);
    expect([...parser.push(': 2}')]).toMatchObject([{ index: 1, value: { id: 2 } }]);
    expect([...parser.push(']}')]).toEqual([]);
    expect(() => parser.end()).not.toThrow();
  });

  it('should place each element at its line and column, counting none of a byte-order mark', () => {
    const text = '\uFEFF{"sessions": [1,\n  {"a": 2},\n\n    "x"]}';
    for (const size of CHUNK_SIZES) {
      const parsed = parse(text, size) as ParsedElement[];
      expect(parsed.map((element) => element.start)).toEqual([
        { line: 1, column: 15 },
        { line: 2, column: 3 },
        { line: 4, column: 5 },
      ]);
    }
  });

  it('should report invalid JSON at the line and column a whole-text check finds', () => {
    const broken = [
      corpus.replace('"s1"', '"s1" "s2"'),
      corpus.replace('},\n    "a string', '}\n    "a string'),
      corpus.replace('true', 'ture'),
      corpus.replace('"after": "x"', '"after": x'),
      corpus.replace('"after"', 'after'),
      corpus.replace('"info":', '"info"'),
      corpus.replace('"note"', '"no\\qte"'),
      corpus.replace('[\n          {}\n        ]', '[\n          {}\n        }'),
      `${corpus}\n,`,
      corpus.slice(0, -20),
      '{"sessions": [1,]}',
      '',
    ];
    for (const text of broken) {
      expect(text).not.toBe(corpus);
      const offset = locateJsonSyntaxError(text) ?? text.length;
      for (const size of CHUNK_SIZES) {
        const problem = parse(text, size);
        expect(problem, `${JSON.stringify(text.slice(0, 40))}, chunks of ${size}`).toBeInstanceOf(
          ArrayMemberProblem,
        );
        expect((problem as ArrayMemberProblem).kind).toBe('syntax');
        expect((problem as ArrayMemberProblem).position).toEqual(lineAndColumn(text, offset));
      }
    }
  });

  it('should say the layout is wrong for JSON of another shape', () => {
    for (const text of [
      '[1, 2]',
      '{"other": []}',
      '{"sessions": {"a": 1}}',
      '{"sessions": [], "sessions": []}',
    ]) {
      const problem = parse(text, 3);
      expect(problem, text).toBeInstanceOf(ArrayMemberProblem);
      expect((problem as ArrayMemberProblem).kind, text).toBe('layout');
    }
  });
});
