import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A 1x1 PNG: the smallest image any service takes. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A tenth of a second of 16 kHz mono 16-bit silence as a WAV file. */
function silentWav(): Buffer {
  const samples = 1600;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]);
}

/** The media files a conformance run sends, in a temporary folder it removes after. */
export interface ConformanceMedia {
  files: readonly { path: string; mimeType: string }[];
  remove(): Promise<void>;
}

export async function writeConformanceMedia(): Promise<ConformanceMedia> {
  const directory = await mkdtemp(path.join(tmpdir(), 'tp2dg-provider-conformance-'));
  const files = [
    { path: path.join(directory, 'cover.png'), mimeType: 'image/png', bytes: PNG_1X1 },
    { path: path.join(directory, 'clip.wav'), mimeType: 'audio/wav', bytes: silentWav() },
  ];
  await Promise.all(files.map((file) => writeFile(file.path, file.bytes)));
  return {
    files: files.map(({ path: filePath, mimeType }) => ({ path: filePath, mimeType })),
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
