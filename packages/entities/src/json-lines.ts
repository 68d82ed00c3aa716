import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { replaceFile, tryParseJson } from './json-files.js';
import { outputWriteError } from './output-error.js';
import { toJsonText } from './printable.js';

/** The last line of a JSON-lines file when a kill or a full disk cut its write short. */
export interface TornLine {
  file: string;
  /** 1-based. */
  line: number;
  text: string;
}

export interface JsonLines<T> {
  /** The lines that are records, in file order. */
  records: T[];
  /** A last line without its newline that is not a record; the writer starts after it. */
  torn: TornLine | undefined;
}

/**
 * Reads a JSON-lines file the way tp2dg appends them: `parse` turns each line's JSON into a
 * record, or undefined for a line to skip. An absent file has no records. A last line cut
 * short is returned apart, for the caller to report; a whole record that only lacks its
 * newline is kept, since the next append ends it.
 */
export async function readJsonLines<T>(
  file: string,
  parse: (value: unknown) => T | undefined,
): Promise<JsonLines<T>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], torn: undefined };
    throw outputWriteError(file, error);
  }
  const lines = text.split('\n');
  const records: T[] = [];
  let torn: TornLine | undefined;
  lines.forEach((line, index) => {
    const record = line === '' ? undefined : parse(tryParseJson(line));
    if (record !== undefined) records.push(record);
    else if (index === lines.length - 1 && line !== '') torn = { file, line: index + 1, text: line };
  });
  return { records, torn };
}

/** One line for a `warning` event: which line was dropped and what that costs. */
export function describeTornLine(torn: TornLine, consequence: string): string {
  return `${torn.file}:${torn.line} was cut short (a kill or a full disk during its write) and is skipped: ${consequence}.`;
}

/**
 * Appends records to a JSON-lines file, one whole line per write: a kill cuts at most the
 * last line short, and concurrent appends of whole lines never interleave. After a line cut
 * short (by a kill, a full disk), the next record starts on a fresh line instead of being
 * glued onto it. The file stays open between appends: an open and a close per record cost
 * more than the write. Writes are synchronous: one short line reaches the page cache in
 * microseconds, is on disk for any process killed after it, and waits behind no other I/O.
 * Every failure is an OUTPUT_WRITE error naming the file.
 */
export class JsonLinesAppender {
  private fd: number | undefined;

  constructor(readonly file: string) {}

  append(record: unknown): void {
    const json = toJsonText(record);
    try {
      const fd = this.open();
      // Looked at on every append (two system calls): another process sharing the file, or
      // a write of ours that failed, may have left a line cut short since the last one.
      writeWhole(fd, Buffer.from(`${endsWithNewline(fd) ? '' : '\n'}${json}\n`));
    } catch (error) {
      throw outputWriteError(this.file, error);
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    const fd = this.fd;
    this.fd = undefined;
    try {
      closeSync(fd);
    } catch (error) {
      // Some file systems report a failed write only when the file is closed.
      throw outputWriteError(this.file, error);
    }
  }

  private open(): number {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.file), { recursive: true });
      // Appending and reading: the last byte says whether a torn line must be ended first.
      this.fd = openSync(this.file, 'a+');
    }
    return this.fd;
  }
}

/** Appends one record to a file that is not kept open. */
export function appendJsonLine(file: string, record: unknown): void {
  const appender = new JsonLinesAppender(file);
  try {
    appender.append(record);
  } finally {
    appender.close();
  }
}

/** Replaces a JSON-lines file with these records, whole (see `replaceFile`). */
export async function replaceJsonLines(file: string, records: readonly unknown[]): Promise<void> {
  await replaceFile(file, records.map((record) => `${toJsonText(record)}\n`).join(''));
}

function endsWithNewline(fd: number): boolean {
  const size = fstatSync(fd).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

/** One write, unless the system takes only part of it; then the rest, or the error that stopped it. */
function writeWhole(fd: number, bytes: Buffer): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written);
}
