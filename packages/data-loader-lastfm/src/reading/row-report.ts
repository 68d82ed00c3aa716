import { Tp2dgError } from '@tp2dg/entities';

/** Rows of one file passed over for one reason: how many, and the first one's line. */
export interface SkippedRows {
  file: string;
  reason: string;
  count: number;
  firstLine: number;
}

/**
 * Counts awkward rows that were skipped instead of failing the run. In strict mode the
 * first one is an error naming the file and line instead, for people who want a corpus
 * read exactly or not at all.
 */
export class RowReport {
  readonly #entries = new Map<string, SkippedRows>();

  constructor(private readonly strict = false) {}

  skip(file: string, line: number, reason: string, fix: string): void {
    if (this.strict) {
      throw new Tp2dgError(
        'INVALID_INPUT',
        `${file}: line ${line}: ${reason}. ${fix} (or drop the strict option to skip and count such rows).`,
      );
    }
    const key = `${file}\u0000${reason}`;
    const entry = this.#entries.get(key);
    if (entry === undefined) this.#entries.set(key, { file, reason, count: 1, firstLine: line });
    else entry.count += 1;
  }

  /** Everything skipped so far, in the order first seen. */
  entries(): SkippedRows[] {
    return [...this.#entries.values()].map((entry) => ({ ...entry }));
  }

  /** Forgets the counts of one file, before it is read again. */
  resetFile(file: string): void {
    for (const [key, entry] of this.#entries) if (entry.file === file) this.#entries.delete(key);
  }
}
