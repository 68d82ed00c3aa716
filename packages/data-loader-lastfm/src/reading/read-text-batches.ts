import { Tp2dgError } from '@tp2dg/entities';
import { openTextStream } from './open-text-stream.js';

/** Whole lines of a file, each ended by `\n` (the file's last line may lack it). */
export interface TextBatch {
  text: string;
  /** The 1-based number of the batch's first line. */
  firstLine: number;
}

function countLines(text: string): number {
  let count = 0;
  for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', end + 1)) count += 1;
  return count;
}

/**
 * Streams a (possibly compressed) text file as batches of whole lines, one per chunk read
 * (64 KB), so a reader can scan rows in place with `indexOf` and an async step costs per
 * chunk, not per row. A line cut by a chunk boundary is carried into the next batch.
 * Decompression failures become errors naming the file and the lines read so far.
 */
export async function* readTextBatches(filePath: string): AsyncGenerator<TextBatch> {
  const opened = openTextStream(filePath);
  opened.stream.setEncoding('utf8');
  let carry = '';
  let nextLine = 1;
  try {
    try {
      for await (const chunk of opened.stream as AsyncIterable<string>) {
        const text = carry.length > 0 ? carry + chunk : chunk;
        const lastNewline = text.lastIndexOf('\n');
        if (lastNewline === -1) {
          carry = text;
          continue;
        }
        const whole = text.slice(0, lastNewline + 1);
        carry = text.slice(lastNewline + 1);
        yield { text: whole, firstLine: nextLine };
        nextLine += countLines(whole);
      }
    } catch (error) {
      throw describeReadFailure(filePath, nextLine - 1, error);
    }
    await opened.finished;
    if (carry.length > 0) yield { text: carry, firstLine: nextLine };
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
