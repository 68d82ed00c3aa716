import { conciseJsonReason } from './concise-json-reason.js';
import { lineAndColumn, locateJsonSyntaxError } from './locate-json-syntax-error.js';

/** 1-based line and column, as editors count them. */
export interface TextPosition {
  line: number;
  column: number;
}

/** One element of the streamed array, parsed, with where its text starts. */
export interface ParsedElement {
  index: number;
  value: unknown;
  start: TextPosition;
}

/**
 * Why the text is not a JSON object with an array under the key: invalid JSON (`syntax`),
 * or JSON of another shape (`layout`), found at `position`.
 */
export class ArrayMemberProblem extends Error {
  constructor(
    readonly kind: 'syntax' | 'layout',
    readonly reason: string,
    readonly position: TextPosition,
  ) {
    super(reason);
  }
}

type State =
  | 'root'
  | 'key-or-close'
  | 'key'
  | 'colon'
  | 'value'
  | 'element-or-close'
  | 'element'
  | 'after-element'
  | 'after-value'
  | 'done';

/** A value being read: an element of the array, another member's value, or a key. */
interface Capture {
  kind: 'element' | 'member' | 'key';
  start: TextPosition;
  pieces: string[];
  /** Where the capture starts in the current chunk (0 once it spans chunks). */
  from: number;
  depth: number;
  inString: boolean;
  escaped: boolean;
  scalar: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BYTE_ORDER_MARK = 0xfeff;

const isWhitespace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/**
 * Reads `{ ..., "<key>": [ element, ... ], ... }` chunk by chunk and returns each element of
 * the array as soon as its text is complete, parsed on its own by `JSON.parse`: memory holds
 * one element, not the file, at the speed of `JSON.parse` (a token-by-token streaming parser
 * is several times slower). The structure around the elements is checked here and every
 * element and other member by `JSON.parse`, so any invalid JSON is reported with its line
 * and column. A byte-order mark at the start is skipped, as editors on Windows may write one.
 */
export class ArrayMemberParser {
  private state: State = 'root';
  private capture: Capture | undefined;
  private nextIndex = 0;
  private inTargetMember = false;
  private foundKey = false;
  /** Characters in the chunks before the current one. */
  private offset = 0;
  private line = 1;
  /** Offset of the first character of the current line. */
  private lineStart = 0;
  /** The next newline of the current chunk not yet counted, or -1. */
  private nextNewline = -1;

  constructor(private readonly key: string) {}

  /**
   * Reads one chunk, yielding each element as the scan completes it: the caller has it (and
   * may stop) before the rest of the chunk is scanned, and a problem further on comes after
   * the elements before it, as in the file.
   */
  *push(chunk: string): Generator<ParsedElement, void, undefined> {
    this.nextNewline = chunk.indexOf('\n');
    let index = 0;
    if (this.offset === 0 && chunk.charCodeAt(0) === BYTE_ORDER_MARK) {
      index = 1;
      this.lineStart = 1;
    }
    for (; index < chunk.length; index += 1) {
      const code = chunk.charCodeAt(index);
      const capture = this.capture;
      if (capture !== undefined) {
        const end = this.captureEnd(capture, code, index);
        if (end === undefined) continue;
        const element = this.finishCapture(capture, chunk.slice(capture.from, end));
        if (element !== undefined) yield element;
        // A scalar ends at the character after it, which belongs to the structure.
        if (end === index + 1) continue;
      }
      if (!isWhitespace(code)) this.structure(chunk, index, code);
    }
    if (this.capture !== undefined) {
      this.capture.pieces.push(chunk.slice(this.capture.from));
      this.capture.from = 0;
    }
    this.positionAt(chunk, chunk.length);
    this.offset += chunk.length;
  }

  /** After the last chunk: throws unless the text was a whole object holding the array. */
  end(): void {
    const capture = this.capture;
    if (capture !== undefined) {
      const text = capture.pieces.join('');
      const problem = syntaxProblemIn(text, capture.start);
      if (problem !== undefined) throw problem;
    }
    const position = { line: this.line, column: this.offset - this.lineStart + 1 };
    if (this.state !== 'done') throw syntaxProblem('Unexpected end of JSON input', position);
    if (!this.foundKey) throw new ArrayMemberProblem('layout', `no "${this.key}" array`, position);
  }

  /** Where a capture ends in the chunk (exclusive) when `code` ends it; undefined otherwise. */
  private captureEnd(capture: Capture, code: number, index: number): number | undefined {
    if (capture.inString) {
      if (capture.escaped) capture.escaped = false;
      else if (code === BACKSLASH) capture.escaped = true;
      else if (code === QUOTE) {
        capture.inString = false;
        if (capture.depth === 0) return index + 1;
      }
      return undefined;
    }
    if (capture.scalar) {
      const delimits = isWhitespace(code) || code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE;
      return delimits ? index : undefined;
    }
    if (code === QUOTE) capture.inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) capture.depth += 1;
    else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      capture.depth -= 1;
      if (capture.depth === 0) return index + 1;
    }
    return undefined;
  }

  /** Parses a finished capture; returns it when it is an element of the array. */
  private finishCapture(capture: Capture, last: string): ParsedElement | undefined {
    this.capture = undefined;
    capture.pieces.push(last);
    const text = capture.pieces.join('');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw syntaxProblemIn(text, capture.start) ?? syntaxProblem(conciseJsonReason(error), capture.start);
    }
    if (capture.kind === 'member') {
      this.state = 'after-value';
      return undefined;
    }
    if (capture.kind === 'key') {
      this.inTargetMember = value === this.key;
      this.state = 'colon';
      return undefined;
    }
    this.state = 'after-element';
    this.nextIndex += 1;
    return { index: this.nextIndex - 1, value, start: capture.start };
  }

  /** A character outside any element or member value: the object and array around them. */
  private structure(chunk: string, index: number, code: number): void {
    const character = chunk[index] as string;
    const fail = (reason: string): never => {
      throw syntaxProblem(reason, this.positionAt(chunk, index));
    };
    switch (this.state) {
      case 'root':
        if (code === OPEN_BRACE) this.state = 'key-or-close';
        else if ('["-0123456789tfn'.includes(character)) throw this.layoutProblem(chunk, index);
        else fail(`Unexpected token '${character}'`);
        return;
      case 'key-or-close':
      case 'key':
        if (code === QUOTE) this.startCapture('key', chunk, index);
        else if (code === CLOSE_BRACE && this.state === 'key-or-close') this.state = 'done';
        else fail("Expected double-quoted property name or '}'");
        return;
      case 'colon':
        if (code === COLON) this.state = 'value';
        else fail("Expected ':' after property name");
        return;
      case 'value':
        if (!this.inTargetMember) this.startCapture('member', chunk, index);
        else if (this.foundKey || code !== OPEN_BRACKET) throw this.layoutProblem(chunk, index);
        else {
          this.foundKey = true;
          this.state = 'element-or-close';
        }
        return;
      case 'element-or-close':
      case 'element':
        if (code === CLOSE_BRACKET && this.state === 'element-or-close') this.state = 'after-value';
        else if (code === CLOSE_BRACKET || code === COMMA || code === CLOSE_BRACE || code === COLON)
          fail(`Unexpected token '${character}'`);
        else this.startCapture('element', chunk, index);
        return;
      case 'after-element':
        if (code === COMMA) this.state = 'element';
        else if (code === CLOSE_BRACKET) this.state = 'after-value';
        else fail("Expected ',' or ']' after array element");
        return;
      case 'after-value':
        if (code === COMMA) this.state = 'key';
        else if (code === CLOSE_BRACE) this.state = 'done';
        else fail("Expected ',' or '}' after property value");
        return;
      case 'done':
        fail('Unexpected non-whitespace character after JSON');
    }
  }

  private startCapture(kind: Capture['kind'], chunk: string, index: number): void {
    const code = chunk.charCodeAt(index);
    const opens = code === OPEN_BRACE || code === OPEN_BRACKET;
    this.capture = {
      kind,
      start: this.positionAt(chunk, index),
      pieces: [],
      from: index,
      depth: opens ? 1 : 0,
      inString: code === QUOTE,
      escaped: false,
      scalar: !opens && code !== QUOTE,
    };
  }

  /** Not one object with one array under the key (a second one would hide the first). */
  private layoutProblem(chunk: string, index: number): ArrayMemberProblem {
    return new ArrayMemberProblem('layout', `not one "${this.key}" array`, this.positionAt(chunk, index));
  }

  /** Counts the newlines before `index` once each: a position costs no rescan of the chunk. */
  private positionAt(chunk: string, index: number): TextPosition {
    while (this.nextNewline !== -1 && this.nextNewline < index) {
      this.line += 1;
      this.lineStart = this.offset + this.nextNewline + 1;
      this.nextNewline = chunk.indexOf('\n', this.nextNewline + 1);
    }
    return { line: this.line, column: this.offset + index - this.lineStart + 1 };
  }
}

function syntaxProblem(reason: string, position: TextPosition): ArrayMemberProblem {
  return new ArrayMemberProblem('syntax', reason, position);
}

/** The first syntax error in a value's text, placed in the file; undefined when it is valid. */
function syntaxProblemIn(text: string, start: TextPosition): ArrayMemberProblem | undefined {
  let reason: string;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    reason = conciseJsonReason(error);
  }
  const within = lineAndColumn(text, locateJsonSyntaxError(text) ?? text.length);
  const line = start.line + within.line - 1;
  const column = within.line === 1 ? start.column + within.column - 1 : within.column;
  return syntaxProblem(reason, { line, column });
}
