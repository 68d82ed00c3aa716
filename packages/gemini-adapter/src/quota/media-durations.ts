import { resolve } from 'node:path';
import { Tp2dgError } from '@tp2dg/entities';
import { parseFile } from 'music-metadata';

/** Reads an audio file's duration in seconds from its header (WAV, MP3, M4A, OGG, FLAC ...). */
export type DurationReader = (absolutePath: string) => Promise<number>;

/** music-metadata reads the header (and, for a VBR MP3 without one, scans the frames). */
export async function readAudioDuration(absolutePath: string): Promise<number> {
  const metadata = await parseFile(absolutePath, { duration: true, skipCovers: true });
  return metadata.format.duration ?? Number.NaN;
}

/**
 * The duration of each audio file, read once and kept: the pool's clips are sent again on
 * every Recsys turn of every conversation, and a header read per call would cost more than
 * the call's estimate is worth.
 */
export class MediaDurations {
  private readonly seconds = new Map<string, Promise<number>>();

  constructor(private readonly read: DurationReader = readAudioDuration) {}

  of(path: string): Promise<number> {
    const absolutePath = resolve(path);
    let known = this.seconds.get(absolutePath);
    if (known === undefined) {
      known = this.read(absolutePath).then(
        (seconds) => {
          if (Number.isFinite(seconds) && seconds >= 0) return seconds;
          throw unreadable(absolutePath, 'its header gives no duration');
        },
        (error: unknown) => {
          throw unreadable(absolutePath, error instanceof Error ? error.message : String(error), error);
        },
      );
      // A failed read is not kept: a file fixed in place is read again on the next call.
      known.catch(() => this.seconds.delete(absolutePath));
      this.seconds.set(absolutePath, known);
    }
    return known;
  }
}

function unreadable(path: string, reason: string, cause?: unknown): Tp2dgError {
  return new Tp2dgError(
    'INVALID_INPUT',
    `${path}: cannot read the audio duration (${reason}). The --tpm scheduler estimates audio ` +
      'tokens from it: check that the file is a valid audio file, or run without --tpm.',
    cause === undefined ? {} : { cause },
  );
}
