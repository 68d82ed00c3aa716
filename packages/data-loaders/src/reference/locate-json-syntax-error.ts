/**
 * The offset of the first syntax error in `text`, or undefined when it is valid JSON.
 * V8's JSON.parse names a position for only some errors ("Unexpected token" has none),
 * so this small scanner finds it for every error; it runs only after JSON.parse failed.
 */
export function locateJsonSyntaxError(text: string): number | undefined {
  let index = 0;
  const fail = (): never => {
    throw new JsonSyntaxPosition(index);
  };
  const skipWhitespace = () => {
    while (index < text.length && ' \t\n\r'.includes(text[index] as string)) index += 1;
  };
  const expect = (literal: string) => {
    for (const character of literal) {
      if (text[index] !== character) fail();
      index += 1;
    }
  };
  const digits = (atLeastOne: boolean) => {
    const start = index;
    while (/[0-9]/.test(text[index] ?? '')) index += 1;
    if (atLeastOne && index === start) fail();
  };
  const scanString = () => {
    expect('"');
    for (;;) {
      const character = text[index];
      if (character === undefined || character < ' ') fail();
      index += 1;
      if (character === '"') return;
      if (character === '\\') {
        if (text[index] === 'u') {
          index += 1;
          for (let hex = 0; hex < 4; hex += 1) {
            if (!/[0-9a-f]/i.test(text[index] ?? '')) fail();
            index += 1;
          }
        } else if ('"\\/bfnrt'.includes(text[index] ?? 'x')) index += 1;
        else fail();
      }
    }
  };
  const scanNumber = () => {
    if (text[index] === '-') index += 1;
    if (text[index] === '0') index += 1;
    else digits(true);
    if (text[index] === '.') {
      index += 1;
      digits(true);
    }
    if (text[index] === 'e' || text[index] === 'E') {
      index += 1;
      if (text[index] === '+' || text[index] === '-') index += 1;
      digits(true);
    }
  };
  const scanSequence = (close: string, scanItem: () => void) => {
    index += 1;
    skipWhitespace();
    if (text[index] === close) {
      index += 1;
      return;
    }
    for (;;) {
      scanItem();
      skipWhitespace();
      if (text[index] === close) {
        index += 1;
        return;
      }
      expect(',');
      skipWhitespace();
    }
  };
  const scanValue = (): void => {
    skipWhitespace();
    const character = text[index];
    if (character === '{') {
      scanSequence('}', () => {
        scanString();
        skipWhitespace();
        expect(':');
        scanValue();
      });
    } else if (character === '[') scanSequence(']', scanValue);
    else if (character === '"') scanString();
    else if (character === 't') expect('true');
    else if (character === 'f') expect('false');
    else if (character === 'n') expect('null');
    else if (character === '-' || /[0-9]/.test(character ?? '')) scanNumber();
    else fail();
  };
  try {
    scanValue();
    skipWhitespace();
    if (index < text.length) fail();
    return undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxPosition) return error.offset;
    // Nesting deep enough to overflow the stack: no position, the caller falls back.
    return undefined;
  }
}

class JsonSyntaxPosition {
  constructor(readonly offset: number) {}
}

/** 1-based line and column of `offset`, as editors count them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastNewline = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastNewline };
}
