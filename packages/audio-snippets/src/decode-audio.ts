import { AUDIO_CODECS, type AudioCodec, codecOf, type DecodedAudio } from './audio-codecs.js';
import { AudioSnippetError } from './audio-snippet-error.js';

/** Decodes a whole audio file; rejects with an `AudioSnippetError` naming `path` when it cannot. */
export type AudioDecoder = (bytes: Uint8Array, path: string) => Promise<DecodedAudio>;

const CONVERT =
  'Convert it to WAV, MP3, FLAC or Ogg (with ffmpeg, say), or run with --clip-seconds 0 to send files as they are';

/** `codecs`: the decoders by format (tests replace one). */
export function createAudioDecoder(
  codecs: Readonly<Record<string, AudioCodec>> = AUDIO_CODECS,
): AudioDecoder {
  return async (given, path) => {
    const bytes = standalone(given);
    const codec = codecOf(bytes, codecs);
    if (codec === undefined) {
      throw new AudioSnippetError(
        path,
        'its first bytes match no audio format a snippet can be cut from',
        `${CONVERT}.`,
      );
    }
    const decode = await codec.load().catch((error: unknown) => {
      throw missingDecoder(error, path, codec) ?? error;
    });
    let decoded: DecodedAudio;
    try {
      decoded = await decode(bytes);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const problem = `its ${codec.name} data cannot be decoded (${reason})`;
      throw new AudioSnippetError(path, problem, `Replace it, or ${lower(CONVERT)}.`, { cause: error });
    }
    // The decoders report damaged data by decoding none of it rather than by throwing.
    const samples = decoded.channelData[0]?.length ?? 0;
    if (samples === 0 || !(decoded.sampleRate > 0)) {
      throw new AudioSnippetError(
        path,
        `the ${codec.name} decoder finds no audio in it (damaged, or empty)`,
        'Replace it with a valid audio file.',
      );
    }
    return decoded;
  };
}

/** Decodes with the decoders this package brings (and AAC's, where installed). */
export const decodeAudio: AudioDecoder = createAudioDecoder();

function missingDecoder(error: unknown, path: string, codec: AudioCodec): AudioSnippetError | undefined {
  const missing = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_MODULE_NOT_FOUND';
  if (!missing || codec.optionalPackage === undefined) return undefined;
  return new AudioSnippetError(
    path,
    `it holds ${codec.name}, whose decoder (${codec.optionalPackage}, GPL-2.0) is not installed`,
    `${CONVERT}, or install ${codec.optionalPackage} where tp2dg is installed.`,
    { cause: error },
  );
}

/**
 * The bytes in an ArrayBuffer of their own. audio-type and the decoders read `bytes.buffer`
 * from its start, while a small Node Buffer is a view into a shared pool: they would read
 * another file's bytes.
 */
function standalone(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole ? bytes : new Uint8Array(bytes);
}

const lower = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);
