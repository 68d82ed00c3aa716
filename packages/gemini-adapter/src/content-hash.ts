import { createHash } from 'node:crypto';
import { createReadStream, type Stats, statSync } from 'node:fs';
import { Tp2dgError } from '@tp2dg/entities';
import pLimit from 'p-limit';
import { MediaHashFile } from './media-hash-file.js';

/** How long a file's size and mtime are trusted before it is looked at again. */
export const RECHECK_MS = 1000;

/** What says a file is the one hashed before: its path, size and modification time. */
interface FileVersion {
  key: string;
  size: number;
  mtimeMs: number;
}

/**
 * sha256 of a file's content, remembered per path, size and mtime: the same clip under two
 * paths is one upload, while a file edited in place is hashed (and uploaded) again. With a
 * `MediaHashFile` the hashes outlive the process: a later run reads no unchanged file.
 */
export class ContentHashes {
  private readonly known = new Map<string, Promise<string>>();
  private readonly checked = new Map<string, { version: FileVersion; at: number }>();
  /** Each hash holds a file open: a few at a time, however many media a request carries. */
  private readonly reads = pLimit(16);

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly stored: Promise<MediaHashFile> = MediaHashFile.open(undefined),
  ) {}

  async of(absolutePath: string): Promise<string> {
    const version = this.versionOf(absolutePath);
    const known = this.known.get(version.key);
    if (known !== undefined) return known;
    const hash = this.storedOrRead(absolutePath, version);
    this.known.set(version.key, hash);
    // A failed read (EMFILE, EIO) is not remembered: the next request tries again.
    hash.catch(() => this.known.delete(version.key));
    return hash;
  }

  private async storedOrRead(absolutePath: string, { size, mtimeMs }: FileVersion): Promise<string> {
    const stored = await this.stored;
    const recorded = stored.lookup(absolutePath, size, mtimeMs);
    if (recorded !== undefined) return recorded;
    const hash = await this.reads(() => hashFile(absolutePath));
    stored.record(absolutePath, size, mtimeMs, hash);
    return hash;
  }

  /**
   * Every call re-sends the history's media, so this runs ~20 times a Recsys call: a file is
   * stat'ed at most once a second (a sync stat of cached metadata; the promise one cost half a
   * millisecond of CPU per call in bench/overhead, and even the sync ones a tenth of one).
   */
  private versionOf(absolutePath: string): FileVersion {
    const now = this.now();
    const checked = this.checked.get(absolutePath);
    if (checked !== undefined && now - checked.at < RECHECK_MS) return checked.version;
    let stats: Stats;
    try {
      stats = statSync(absolutePath);
    } catch (error) {
      throw new Tp2dgError(
        'MEDIA_NOT_FOUND',
        `Media file ${absolutePath} cannot be read for upload to Gemini: ${(error as Error).message}. ` +
          'Check the media path of the track.',
        { cause: error },
      );
    }
    const version = {
      key: JSON.stringify([absolutePath, stats.size, stats.mtimeMs]),
      size: stats.size,
      mtimeMs: stats.mtimeMs,
    };
    this.checked.set(absolutePath, { version, at: now });
    return version;
  }
}

function hashFile(absolutePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(absolutePath)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
