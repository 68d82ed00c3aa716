import { readTextBatches } from './read-text-batches.js';

/** Consecutive lines of a file; `firstLine` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  lines: string[];
  firstLine: number;
}

/**
 * Streams a (possibly compressed) text file as batches of lines, for tables read row by
 * row (users, tracks). Line ends may be `\n` or `\r\n`; an unterminated last line is still
 * yielded (its reader judges whether it is complete). Memory is one chunk.
 */
export async function* readLineBatches(filePath: string): AsyncGenerator<LineBatch> {
  for await (const { text, firstLine } of readTextBatches(filePath)) {
    const lines: string[] = [];
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end === -1) end = text.length;
      lines.push(
        text.charCodeAt(end - 1) === 13 && end > start ? text.slice(start, end - 1) : text.slice(start, end),
      );
      start = end + 1;
    }
    yield { lines, firstLine };
  }
}
