import { Tp2dgError } from '@tp2dg/entities';
import { openTextStream } from './open-text-stream.js';

/** Consecutive lines of a file; `firstLine` is the 1-based number of `lines[0]`. */
export interface LineBatch {
  lines: string[];
  firstLine: number;
}

/**
 * Streams a (possibly compressed) text file as batches of lines, one batch per chunk read,
 * so the per-line cost is an `indexOf`, not an async step: this is what keeps a log scan
 * above a million rows a second. Line ends may be `\n` or `\r\n`; an unterminated last line
 * is still yielded (its reader judges whether it is complete). Memory is one chunk.
 */
export async function* readLineBatches(filePath: string): AsyncGenerator<LineBatch> {
  const opened = openTextStream(filePath);
  opened.stream.setEncoding('utf8');
  let carry = '';
  let nextLine = 1;
  try {
    try {
      for await (const chunk of opened.stream as AsyncIterable<string>) {
        const text = carry.length > 0 ? carry + chunk : chunk;
        const lines: string[] = [];
        let start = 0;
        let end = text.indexOf('\n');
        while (end !== -1) {
          lines.push(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end));
          start = end + 1;
          end = text.indexOf('\n', start);
        }
        carry = text.slice(start);
        if (lines.length > 0) {
          yield { lines, firstLine: nextLine };
          nextLine += lines.length;
        }
      }
    } catch (error) {
      throw describeReadFailure(filePath, nextLine - 1, error);
    }
    await opened.finished;
    if (carry.length > 0)
      yield { lines: [carry.endsWith('\r') ? carry.slice(0, -1) : carry], firstLine: nextLine };
  } finally {
    opened.close();
  }
}

function describeReadFailure(filePath: string, linesRead: number, error: unknown): Tp2dgError {
  if (Tp2dgError.isInstance(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new Tp2dgError('INVALID_INPUT', `${filePath}: file not found.`, { cause: error });
  }
  const compressed = code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR';
  const reason = compressed
    ? `the gzip stream is damaged or truncated after line ${linesRead}. Download or compress the file again`
    : `could not be read after line ${linesRead} (${(error as Error).message}). Check the file`;
  return new Tp2dgError('INVALID_INPUT', `${filePath}: ${reason}.`, { cause: error });
}
