import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Tp2dgError } from '@tp2dg/entities';

/** The bytes of a corpus file, decompressed by its extension; errors arrive on the stream. */
export interface OpenedTextStream {
  stream: Readable;
  /** Resolves when the decompressor finished cleanly, rejects with a typed error otherwise. */
  finished: Promise<void>;
  /** Stops reading early (a consumer that returned); safe to call more than once. */
  close(): void;
}

/**
 * Opens `filePath` as plain text, gzip (`.gz`, zlib) or bzip2 (`.bz2`). Node 20's zlib has no
 * bzip2, so `.bz2` goes through the system `bzip2 -dc`, which the corpora's own tooling
 * assumes and which streams at a bounded memory cost.
 */
export function openTextStream(filePath: string): OpenedTextStream {
  if (filePath.endsWith('.bz2')) return openBzip2(filePath);
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

function openBzip2(filePath: string): OpenedTextStream {
  const child = spawn('bzip2', ['-dc', '--', filePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped = false;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 2000) stderr += text;
  });
  const finished = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'ENOENT'
          ? 'the bzip2 program was not found. Install bzip2 (e.g. apt-get install bzip2) or recompress the file with gzip'
          : `bzip2 could not start (${error.message})`;
      const failure = new Tp2dgError('INVALID_INPUT', `${filePath}: ${reason}.`, { cause: error });
      child.stdout.destroy(failure);
      reject(failure);
    });
    child.on('close', (code, signal) => {
      if (code === 0 || stopped) return resolve();
      const detail = stderr.trim().split('\n').at(-1) ?? '';
      reject(
        new Tp2dgError(
          'INVALID_INPUT',
          `${filePath}: bzip2 failed (${code === null ? `signal ${signal}` : `exit ${code}`}${detail ? `: ${detail}` : ''}); the file is damaged or truncated. Download it again.`,
        ),
      );
    });
  });
  // A consumer awaits `finished` after the last line; until then a failure must not go unhandled.
  finished.catch(() => {});
  return {
    stream: child.stdout,
    finished,
    close: () => {
      stopped = true;
      child.stdout.destroy();
      if (child.exitCode === null) child.kill();
    },
  };
}
