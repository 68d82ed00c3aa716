import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { outputWriteError, replaceFile, Tp2dgError } from '@tp2dg/entities';
import pLimit from 'p-limit';
import { type AudioDecoder, decodeAudio } from './decode-audio.js';
import { makeSnippet } from './make-snippet.js';
import type { SnippetSettings } from './snippet-settings.js';

/**
 * Part of every cache key: changing how snippets are cut (the resampler, the WAV format)
 * must change it, so no later run reuses a snippet cut the old way.
 */
const SNIPPET_FORMAT = 'tp2dg-snippet-v1';

/**
 * A decoded 2-minute stereo clip holds about 40 MB of samples, and decoding is CPU work on
 * the main thread: two at a time keep memory flat without slowing anything down.
 */
const CONCURRENT_CUTS = 2;

/** A snippet on disk, ready to upload in place of its clip. */
export interface AudioSnippet {
  /** Absolute path of the WAV file in the cache folder. */
  path: string;
  mimeType: 'audio/wav';
}

export interface SnippetMakerOptions {
  settings: SnippetSettings;
  /** Where snippets are kept as `<hash>.wav` for later runs; made when the first is written. */
  cacheDir: string;
  /** The decoders of this package unless replaced (tests count decodes). */
  decode?: AudioDecoder;
}

/** Cuts each audio clip's snippet once, and finds it again in later runs. */
export interface SnippetMaker {
  readonly settings: SnippetSettings;
  /**
   * The snippet of a clip: cut, written to the cache and remembered on first use; found in
   * the cache by the clip's content and the settings after that (in this run, by path, size
   * and modification time). Rejects with an `AudioSnippetError` when the clip cannot be
   * decoded, and `OUTPUT_WRITE` when the snippet cannot be written.
   */
  snippetOf(path: string): Promise<AudioSnippet>;
}

export function createSnippetMaker(options: SnippetMakerOptions): SnippetMaker {
  const { settings, cacheDir } = options;
  const decode = options.decode ?? decodeAudio;
  const cacheDirectory = resolve(cacheDir);
  const settingsKey = JSON.stringify([SNIPPET_FORMAT, settings.seconds, settings.offset]);
  const known = new Map<string, Promise<AudioSnippet>>();
  const cuts = pLimit(CONCURRENT_CUTS);

  async function cut(path: string, absolutePath: string): Promise<AudioSnippet> {
    const clip = await readFile(absolutePath).catch((error: unknown) => {
      throw unreadable(path, error);
    });
    const hash = createHash('sha256').update(settingsKey).update('\0').update(clip).digest('hex');
    const snippetPath = join(cacheDirectory, `${hash}.wav`);
    // Written whole (to a temporary file, then renamed): a file under this name is complete.
    if (!existsSync(snippetPath)) {
      const snippet = makeSnippet(await decode(clip, path), settings);
      await mkdir(cacheDirectory, { recursive: true }).catch((error: unknown) => {
        throw outputWriteError(cacheDirectory, error);
      });
      await replaceFile(snippetPath, snippet);
    }
    return { path: snippetPath, mimeType: 'audio/wav' };
  }

  return {
    settings,
    snippetOf(path) {
      const absolutePath = resolve(path);
      let version: string;
      try {
        const stats = statSync(absolutePath);
        version = JSON.stringify([absolutePath, stats.size, stats.mtimeMs]);
      } catch (error) {
        return Promise.reject(unreadable(path, error));
      }
      let snippet = known.get(version);
      if (snippet === undefined) {
        snippet = cuts(() => cut(path, absolutePath));
        // A failure is not kept: a clip fixed in place is tried again.
        snippet.catch(() => known.delete(version));
        known.set(version, snippet);
      }
      return snippet;
    },
  };
}

function unreadable(path: string, error: unknown): Tp2dgError {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return new Tp2dgError(
    'MEDIA_NOT_FOUND',
    `${path}: cannot be read to cut its snippet (${reason}). Check the media path of the track.`,
    { cause: error },
  );
}
