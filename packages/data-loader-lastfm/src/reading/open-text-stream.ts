import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { openBzip2Stream } from './open-bzip2-stream.js';

/** The bytes of a corpus file, decompressed by its extension; errors arrive on the stream. */
export interface OpenedTextStream {
  stream: Readable;
  /** Resolves when the decompressor finished cleanly, rejects with a typed error otherwise. */
  finished: Promise<void>;
  /** Stops reading early (a consumer that returned); safe to call more than once. */
  close(): void;
}

/** Opens `filePath` as plain text, gzip (`.gz`, zlib) or bzip2 (`.bz2`, see `openBzip2Stream`). */
export function openTextStream(filePath: string): OpenedTextStream {
  if (filePath.endsWith('.bz2')) return openBzip2Stream(filePath);
  const file = createReadStream(filePath, { highWaterMark: 1 << 16 });
  if (!filePath.endsWith('.gz')) {
    return { stream: file, finished: Promise.resolve(), close: () => file.destroy() };
  }
  const gunzip = createGunzip({ chunkSize: 1 << 16 });
  file.on('error', (error) => gunzip.destroy(error));
  file.pipe(gunzip);
  return {
    stream: gunzip,
    finished: Promise.resolve(),
    close: () => {
      file.destroy();
      gunzip.destroy();
    },
  };
}
