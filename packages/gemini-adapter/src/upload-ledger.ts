import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { replaceFile } from '@tp2dg/entities';
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
 * 403). Later lines win; an unreadable line is ignored, since the worst it costs is one
 * upload. Writes go one at a time, and a rewrite replaces the file whole.
 */
export class UploadLedger {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly path: string | undefined,
    private readonly account: string,
    private readonly loaded: LedgerEntry[],
  ) {}

  static async open(path: string | undefined, account: string): Promise<UploadLedger> {
    if (path === undefined) return new UploadLedger(undefined, account, []);
    const entries = parseLines(await readFile(path, 'utf8').catch(() => ''));
    return new UploadLedger(
      path,
      account,
      entries.filter((entry) => entry.account === account),
    );
  }

  /** What earlier runs of this account uploaded, the latest per key. */
  entries(): LedgerEntry[] {
    return [...new Map(this.loaded.map((entry) => [entry.key, entry])).values()];
  }

  record(key: string, file: UploadedFile): Promise<void> {
    const path = this.path;
    if (path === undefined) return Promise.resolve();
    const line = `${JSON.stringify({ key, account: this.account, file })}\n`;
    return this.serially(async () => {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, line);
    });
  }

  /** Forgets deleted files, so no later run tries to reuse them. */
  remove(names: ReadonlySet<string>): Promise<void> {
    const path = this.path;
    if (path === undefined) return Promise.resolve();
    return this.serially(async () => {
      const kept = parseLines(await readFile(path, 'utf8').catch(() => '')).filter(
        (entry) => !names.has(entry.file.name),
      );
      await replaceFile(path, kept.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    });
  }

  private serially(operation: () => Promise<void>): Promise<void> {
    const done = this.queue.then(operation);
    this.queue = done.catch(() => undefined);
    return done;
  }
}

function parseLines(text: string): LedgerEntry[] {
  return text.split('\n').flatMap((line) => {
    try {
      const entry = JSON.parse(line) as LedgerEntry;
      const valid =
        typeof entry.key === 'string' &&
        typeof entry.account === 'string' &&
        typeof entry.file?.name === 'string' &&
        typeof entry.file.uri === 'string';
      return valid ? [entry] : [];
    } catch {
      return [];
    }
  });
}
