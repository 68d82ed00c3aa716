import { Tp2dgError, tryParseJson } from '@tp2dg/entities';
import { type HeaderLine, HeaderLineSchema, JSONL_FORMAT, JSONL_VERSION } from './jsonl-records.js';
import { parseLine } from './parse-line.js';
import { readLines } from './read-lines.js';

const expectedHeader = `{"format":"${JSONL_FORMAT}","version":${JSONL_VERSION}}`;

/**
 * Line 1 of a sessions file, checked before any session is read so a file in another
 * format or version fails the run at once, with what to do.
 */
export async function readHeader(filePath: string): Promise<HeaderLine> {
  let first: string | undefined;
  for await (const line of readLines(filePath)) {
    first = line.text;
    break;
  }
  if (first === undefined || first.trim() === '') {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${filePath}:1: the file must start with the header line ${expectedHeader}.`,
    );
  }
  const parsed = parseLine(first, HeaderLineSchema);
  if ('value' in parsed) return parsed.value;
  const declared = tryParseJson(first) as { format?: unknown; version?: unknown } | undefined;
  if (declared?.format === JSONL_FORMAT && declared.version !== JSONL_VERSION) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${filePath}:1: the file is ${JSONL_FORMAT} version ${JSON.stringify(declared.version)}, but this loader reads version ${JSONL_VERSION}. Use a release of @tp2dg/data-loader-jsonl that reads it, or convert the file.`,
    );
  }
  throw new Tp2dgError(
    'INVALID_INPUT',
    `${filePath}:1: not a ${JSONL_FORMAT} header (${parsed.problem}). Start the file with ${expectedHeader}.`,
  );
}
