import { createReadStream, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { type SnippetSettings, snippetSeconds } from '@tp2dg/audio-snippets';
import { mediaTypeOf, Tp2dgError } from '@tp2dg/entities';
import { parseFile, parseStream } from 'music-metadata';
import { GEMINI_MEDIA_TYPES } from '../prices/gemini-media-types.js';

/**
 * Reads an audio file's duration in seconds from its header (WAV, MP3, M4A, OGG, FLAC ...),
 * as the type it is sent as.
 */
export type DurationReader = (absolutePath: string, mimeType?: string) => Promise<number>;

/** music-metadata reads the header (and, for a VBR MP3 without one, scans the frames). */
export async function readAudioDuration(absolutePath: string, mimeType?: string): Promise<number> {
  const options = { duration: true, skipCovers: true };
  if (mimeType === undefined || mimeType === mediaTypeOf(absolutePath, GEMINI_MEDIA_TYPES)) {
    const metadata = await parseFile(absolutePath, options);
    return metadata.format.duration ?? Number.NaN;
  }
  // parseFile picks its parser by the extension, which misnames this file: read it as the type
  // its content shows. No path goes with it, so a type music-metadata does not list
  // (`audio/aac`) falls back to the content, never to the misleading name.
  const stream = createReadStream(absolutePath);
  try {
    const metadata = await parseStream(stream, { mimeType, size: statSync(absolutePath).size }, options);
    return metadata.format.duration ?? Number.NaN;
  } finally {
    stream.destroy();
  }
}

/**
 * Reads what the model hears of each audio file: the snippet's seconds when snippets are cut
 * (`--clip-seconds`), known from the clip's header without decoding it; the whole file's
 * otherwise.
 */
export function heardDurationReader(
  snippets: SnippetSettings | undefined,
  read: DurationReader = readAudioDuration,
): DurationReader {
  if (snippets === undefined) return read;
  return async (absolutePath, mimeType) => snippetSeconds(await read(absolutePath, mimeType), snippets);
}

/**
 * The duration of each audio file, read once and kept: the pool's clips are sent again on
 * every Recsys turn of every conversation, and a header read per call would cost more than
 * the call's estimate is worth.
 */
export class MediaDurations {
  private readonly seconds = new Map<string, Promise<number>>();

  constructor(private readonly read: DurationReader = readAudioDuration) {}

  /** `mimeType`: the type the file is sent as, which a run settles once per file. */
  of(path: string, mimeType?: string): Promise<number> {
    const absolutePath = resolve(path);
    let known = this.seconds.get(absolutePath);
    if (known === undefined) {
      known = this.read(absolutePath, mimeType).then(
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
