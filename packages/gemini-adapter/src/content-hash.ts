import { createHash } from 'node:crypto';
import { createReadStream, type Stats, statSync } from 'node:fs';
import { Tp2dgError } from '@tp2dg/entities';
import pLimit from 'p-limit';

/** How long a file's size and mtime are trusted before it is looked at again. */
export const RECHECK_MS = 1000;

/**
 * sha256 of a file's content, remembered per path, size and mtime: the same clip under two
 * paths is one upload, while a file edited in place is hashed (and uploaded) again.
 */
export class ContentHashes {
  private readonly known = new Map<string, Promise<string>>();
  private readonly checked = new Map<string, { version: string; at: number }>();
  /** Each hash holds a file open: a few at a time, however many media a request carries. */
  private readonly reads = pLimit(16);

  constructor(private readonly now: () => number = () => performance.now()) {}

  async of(absolutePath: string): Promise<string> {
    const version = this.versionOf(absolutePath);
    const known = this.known.get(version);
    if (known !== undefined) return known;
    const hash = this.reads(() => hashFile(absolutePath));
    this.known.set(version, hash);
    // A failed read (EMFILE, EIO) is not remembered: the next request tries again.
    hash.catch(() => this.known.delete(version));
    return hash;
  }

  /**
   * Every call re-sends the history's media, so this runs ~20 times a Recsys call: a file is
   * stat'ed at most once a second (a sync stat of cached metadata; the promise one cost half a
   * millisecond of CPU per call in bench/overhead, and even the sync ones a tenth of one).
   */
  private versionOf(absolutePath: string): string {
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
    const version = JSON.stringify([absolutePath, stats.size, stats.mtimeMs]);
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
