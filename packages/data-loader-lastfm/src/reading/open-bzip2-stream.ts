import { spawn } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { Tp2dgError } from '@tp2dg/entities';
import unbzip2 from 'unbzip2-stream';
import { findProgram } from './find-program.js';
import type { OpenedTextStream } from './open-text-stream.js';

/**
 * Opens a `.bz2` file as its decompressed bytes (Node's zlib has no bzip2). Where the system's
 * `bzip2` is installed, `bzip2 -dc` decodes it in a process of its own, on another core, 3.6
 * times as fast as the JavaScript decoder (a 65 MB log: 1.9 s against 6.8 s). Where it is not,
 * unbzip2-stream decodes it in this process, streaming in bounded memory all the same: stable
 * since 2020 and widely depended on, it is the decoder on npm that streams, where the
 * WebAssembly builds of libbzip2 decode a whole buffer of known size, not a log of gigabytes.
 */
export function openBzip2Stream(filePath: string): OpenedTextStream {
  const program = findProgram('bzip2');
  return program === undefined ? decodeInProcess(filePath) : decodeWithProgram(program, filePath);
}

function decodeWithProgram(program: string, filePath: string): OpenedTextStream {
  const child = spawn(program, ['-dc', '--', filePath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stopped = false;
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < 2000) stderr += text;
  });
  const finished = new Promise<void>((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) => {
      const failure = new Tp2dgError(
        'INVALID_INPUT',
        `${filePath}: bzip2 could not start (${error.message}).`,
        {
          cause: error,
        },
      );
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

/**
 * unbzip2-stream is an old-style stream (`through`): its output is fed into a Readable that
 * pauses it when the consumer is behind, as `Readable.wrap` would, but with its errors (a
 * truncated or damaged file) turned into one that names the file.
 */
function decodeInProcess(filePath: string): OpenedTextStream {
  const file = createReadStream(filePath, { highWaterMark: 1 << 16 });
  const decoder = unbzip2();
  const output = new Readable({
    read: () => decoder.resume(),
    destroy: (error, callback) => {
      file.destroy();
      decoder.destroy();
      callback(error);
    },
  });
  decoder.on('data', (chunk: Buffer) => {
    if (!output.push(chunk)) decoder.pause();
  });
  decoder.on('end', () => output.push(null));
  decoder.on('error', (error: Error) =>
    output.destroy(
      new Tp2dgError(
        'INVALID_INPUT',
        `${filePath}: the bzip2 data could not be decoded (${error.message}); the file is damaged or truncated. Download it again.`,
        { cause: error },
      ),
    ),
  );
  file.on('error', (error) => output.destroy(error));
  file.pipe(decoder);
  return { stream: output, finished: Promise.resolve(), close: () => output.destroy() };
}
