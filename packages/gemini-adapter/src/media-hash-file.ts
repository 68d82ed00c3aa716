import { JsonLinesAppender, readJsonLines, type TornLine } from '@tp2dg/entities';

/** A media file's content hash, with the size and mtime the file had when it was read. */
interface HashRecord {
  path: string;
  size: number;
  mtime_ms: number;
  sha256: string;
}

/**
 * A JSON-lines file of media content hashes by absolute path, size and modification time,
 * kept beside the upload ledger so a new process finds the upload of an unchanged file
 * without reading and hashing it again. A file whose size or mtime changed is hashed anew
 * and appended; later lines win. An unreadable line is skipped: it costs one hash.
 */
export class MediaHashFile {
  private readonly appender: JsonLinesAppender | undefined;

  private constructor(
    path: string | undefined,
    private readonly known: Map<string, HashRecord>,
    /** The last line, when a kill or a full disk cut it short. */
    readonly torn: TornLine | undefined,
  ) {
    this.appender = path === undefined ? undefined : new JsonLinesAppender(path);
  }

  /** No path: hashes are kept for this process only. */
  static async open(path: string | undefined): Promise<MediaHashFile> {
    if (path === undefined) return new MediaHashFile(undefined, new Map(), undefined);
    // An unreadable file only costs hashing again; if it cannot be written either, the first
    // record says so.
    const { records, torn } = await readJsonLines(path, toHashRecord).catch(() => ({
      records: [],
      torn: undefined,
    }));
    return new MediaHashFile(path, new Map(records.map((record) => [record.path, record])), torn);
  }

  /** The hash recorded for `path` while it still has this size and mtime. */
  lookup(path: string, size: number, mtimeMs: number): string | undefined {
    const record = this.known.get(path);
    return record?.size === size && record.mtime_ms === mtimeMs ? record.sha256 : undefined;
  }

  /** Records a hash just computed; on disk when this returns (OUTPUT_WRITE if it cannot be). */
  record(path: string, size: number, mtimeMs: number, sha256: string): void {
    const record = { path, size, mtime_ms: mtimeMs, sha256 };
    this.known.set(path, record);
    this.appender?.append(record);
  }
}

function toHashRecord(value: unknown): HashRecord | undefined {
  const record = value as Partial<HashRecord> | undefined;
  const valid =
    typeof record?.path === 'string' &&
    typeof record.size === 'number' &&
    typeof record.mtime_ms === 'number' &&
    typeof record.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(record.sha256);
  return valid ? (record as HashRecord) : undefined;
}
