import { readFile } from 'node:fs/promises';
import { Tp2dgError } from '@tp2dg/entities';

/** The content parts of chat completions that carry media, as OpenAI's API names them. */
export type MediaContentPart =
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'input_audio'; input_audio: { data: string; format: 'wav' | 'mp3' } };

/** The only two audio formats `input_audio` takes. */
const AUDIO_FORMATS: Readonly<Record<string, 'wav' | 'mp3'>> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/mp3': 'mp3',
  'audio/mpeg': 'mp3',
};

/** Reads each file once per port: a chat resends its whole history, media included, every turn. */
export type MediaReader = (path: string) => Promise<string>;

export function createMediaReader(): MediaReader {
  const read = new Map<string, Promise<string>>();
  return (path) => {
    let base64 = read.get(path);
    if (base64 === undefined) {
      base64 = readFile(path).then((bytes) => bytes.toString('base64'));
      // A failed read is not kept: the next call tries again.
      base64.catch(() => read.delete(path));
      read.set(path, base64);
    }
    return base64;
  };
}

/**
 * A media file as an inline content part: images as a base64 data URL, audio as
 * `input_audio`. The API has no other audio formats, so anything else stops the call here
 * with what to convert to, rather than as a server's 400.
 */
export async function mediaContentPart(
  path: string,
  mimeType: string,
  read: MediaReader,
): Promise<MediaContentPart> {
  if (mimeType.startsWith('image/')) {
    return { type: 'image_url', image_url: { url: `data:${mimeType};base64,${await read(path)}` } };
  }
  const format = AUDIO_FORMATS[mimeType];
  if (format === undefined) {
    throw new Tp2dgError(
      'INVALID_INPUT',
      `${path} is ${mimeType}, which OpenAI-compatible servers do not take: input_audio is WAV or MP3 only, convert the clip to one of them`,
    );
  }
  return { type: 'input_audio', input_audio: { data: await read(path), format } };
}
