import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { fileTypeFromBuffer } from 'file-type/core';

/** file-type's documented sample size: enough bytes for the header of every format it knows. */
const SNIFF_BYTES = 4100;

/** A format as file-type names it, e.g. `{ ext: 'mp3', mime: 'audio/mpeg' }`. */
export interface SniffedFormat {
  ext: string;
  mime: string;
}

/** What a media file is, from its metadata and its first bytes. */
export interface SniffedMedia {
  /** False for a directory, a FIFO, a device ...: nothing was read from it. */
  isFile: boolean;
  size: number;
  /** The format its magic bytes show; undefined when none matched (text, an unknown format, no bytes). */
  format: SniffedFormat | undefined;
}

/**
 * Sniffs a media file: its size, and its format from its first few KB, read synchronously, so
 * checking a file costs one small read and no thread-pool round trip. Only a regular file is
 * opened: opening a FIFO would wait for a writer. Throws the file system's error (ENOENT,
 * EACCES ...) as it is.
 */
export async function sniffMedia(path: string): Promise<SniffedMedia> {
  const stats = statSync(path);
  const length = Math.min(stats.size, SNIFF_BYTES);
  if (!stats.isFile() || length === 0) return { isFile: stats.isFile(), size: stats.size, format: undefined };
  return { isFile: true, size: stats.size, format: await fileTypeFromBuffer(readHead(path, length)) };
}

function readHead(path: string, length: number): Buffer {
  const head = Buffer.alloc(length);
  const descriptor = openSync(path, 'r');
  try {
    return head.subarray(0, readSync(descriptor, head, 0, length, 0));
  } finally {
    closeSync(descriptor);
  }
}
