import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { UploadedFile } from './upload-file.js';

/** One upload as the ledger keeps it: the content it holds and where the service keeps it. */
export interface LedgerEntry {
  /** The cache key: content hash and MIME type. */
  key: string;
  file: UploadedFile;
}

/**
 * A JSON-lines record of the files this project uploaded, kept in the output directory so a
 * resumed or repeated run reuses them while the service still holds them (48 h) instead of
 * paying for the upload again. Later lines win; an unreadable line is ignored, since the
 * worst it can cost is one upload.
 */
export class UploadLedger {
  private constructor(
    private readonly path: string | undefined,
    private readonly loaded: LedgerEntry[],
  ) {}

  static async open(path: string | undefined): Promise<UploadLedger> {
    if (path === undefined) return new UploadLedger(undefined, []);
    const text = await readFile(path, 'utf8').catch(() => '');
    const entries = text.split('\n').flatMap((line) => parseEntry(line));
    return new UploadLedger(path, entries);
  }

  /** What earlier runs uploaded, latest first per key. */
  entries(): LedgerEntry[] {
    return [...new Map(this.loaded.map((entry) => [entry.key, entry])).values()];
  }

  async record(entry: LedgerEntry): Promise<void> {
    if (this.path === undefined) return;
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(entry)}\n`);
  }

  /** Forgets deleted files, so no later run tries to reuse them. */
  async remove(names: ReadonlySet<string>): Promise<void> {
    if (this.path === undefined) return;
    const text = await readFile(this.path, 'utf8').catch(() => '');
    const kept = text.split('\n').filter((line) => {
      const [entry] = parseEntry(line);
      return entry !== undefined && !names.has(entry.file.name);
    });
    await writeFile(this.path, kept.map((line) => `${line}\n`).join(''));
  }
}

function parseEntry(line: string): LedgerEntry[] {
  try {
    const entry = JSON.parse(line) as LedgerEntry;
    const valid =
      typeof entry.key === 'string' &&
      typeof entry.file?.name === 'string' &&
      typeof entry.file.uri === 'string';
    return valid ? [entry] : [];
  } catch {
    return [];
  }
}
