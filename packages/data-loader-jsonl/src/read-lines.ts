import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

export interface NumberedLine {
  /** 1-based, as editors and error messages count. */
  number: number;
  text: string;
}

/**
 * The lines of a text file (gzip when it ends in `.gz`), one at a time, so memory holds one
 * line whatever the file's size. A byte-order mark and CR of CRLF endings are dropped.
 */
export async function* readLines(filePath: string): AsyncGenerator<NumberedLine> {
  const raw = createReadStream(filePath);
  const input = filePath.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (error) => input.destroy(error));
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let number = 0;
  try {
    for await (const line of lines) {
      number += 1;
      yield { number, text: number === 1 && line.startsWith('\uFEFF') ? line.slice(1) : line };
    }
  } finally {
    lines.close();
    raw.destroy();
  }
}
