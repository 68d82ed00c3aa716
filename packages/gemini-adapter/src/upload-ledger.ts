import { JsonLinesAppender, readJsonLines, replaceJsonLines, type TornLine } from '@tp2dg/entities';
import type { UploadedFile } from './upload-file.js';

/** One upload as the ledger keeps it: the content it holds and where the service keeps it. */
export interface LedgerEntry {
  /** The cache key: content hash and MIME type. */
  key: string;
  /** Which service and key uploaded it, as a hash: files belong to one project. */
  account: string;
  file: UploadedFile;
}

/**
 * A JSON-lines record of the files uploaded, kept in the output directory so a resumed or
 * repeated run reuses them while the service still holds them (48 h) instead of paying for
 * the upload again. Only entries of the same account are used (another key's files answer
 * 403). Later lines win; an unreadable line is skipped, since the worst it costs is one
 * upload. Each upload is written as it finishes, in one synchronous append; a failed write
 * is an OUTPUT_WRITE error, which stops the run like any other write to the output.
 */
export class UploadLedger {
  private readonly appender: JsonLinesAppender | undefined;
  /** A rewrite under way: a record made meanwhile would be appended to the file it replaces. */
  private rewriting: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string | undefined,
    private readonly account: string,
    private readonly loaded: LedgerEntry[],
    /** The last line, when a kill or a full disk cut it short. */
    readonly torn: TornLine | undefined,
  ) {
    this.appender = path === undefined ? undefined : new JsonLinesAppender(path);
  }

  static async open(path: string | undefined, account: string): Promise<UploadLedger> {
    if (path === undefined) return new UploadLedger(undefined, account, [], undefined);
    // An unreadable ledger only costs uploads again; if it cannot be written either, the
    // first record says so.
    const { records, torn } = await readJsonLines(path, toLedgerEntry).catch(() => ({
      records: [],
      torn: undefined,
    }));
    return new UploadLedger(
      path,
      account,
      records.filter((entry) => entry.account === account),
      torn,
    );
  }

  /** What earlier runs of this account uploaded, the latest per key. */
  entries(): LedgerEntry[] {
    return [...new Map(this.loaded.map((entry) => [entry.key, entry])).values()];
  }

  /** Records a finished upload: on disk when the promise settles. */
  async record(key: string, file: UploadedFile): Promise<void> {
    await this.rewriting;
    this.appender?.append({ key, account: this.account, file });
  }

  /** Forgets deleted files, so no later run tries to reuse them. */
  remove(names: ReadonlySet<string>): Promise<void> {
    const path = this.path;
    if (path === undefined) return Promise.resolve();
    const done = this.rewriting.then(async () => {
      this.appender?.close();
      const { records } = await readJsonLines(path, toLedgerEntry);
      await replaceJsonLines(
        path,
        records.filter((entry) => !names.has(entry.file.name)),
      );
    });
    this.rewriting = done.catch(() => undefined);
    return done;
  }
}

function toLedgerEntry(value: unknown): LedgerEntry | undefined {
  const entry = value as Partial<LedgerEntry> | undefined;
  const valid =
    typeof entry?.key === 'string' &&
    typeof entry.account === 'string' &&
    typeof entry.file?.name === 'string' &&
    typeof entry.file.uri === 'string';
  return valid ? (entry as LedgerEntry) : undefined;
}
