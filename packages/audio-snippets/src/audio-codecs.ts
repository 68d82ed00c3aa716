import audioType from 'audio-type';

/** Decoded PCM: one array per channel, samples in [-1, 1]. */
export interface DecodedAudio {
  channelData: Float32Array[];
  sampleRate: number;
}

/** A decoder: whole-file bytes in, PCM out. */
export type DecodeBytes = (bytes: Uint8Array) => DecodedAudio | Promise<DecodedAudio>;

/** A format snippets can be cut from, and its decoder, loaded on first use. */
export interface AudioCodec {
  /** As messages name the format. */
  name: string;
  /** Rejects with `ERR_MODULE_NOT_FOUND` when an optional decoder is not installed. */
  load: () => Promise<DecodeBytes>;
  /** The package to install for an optional decoder. */
  optionalPackage?: string;
}

/**
 * The decoders, by audio-type's name of what a file holds. All are the audiojs project's
 * `@audio/decode-*` packages: WASM builds of mpg123, libFLAC, libopus and libvorbis, and
 * plain JS for WAV and AIFF, so nothing is installed on the system or downloaded at install.
 * AAC (FAAD2) is GPL-2.0, unlike the rest of tp2dg: it is an optional peer dependency, used
 * only where the user installed it.
 */
export const AUDIO_CODECS: Readonly<Record<string, AudioCodec>> = {
  wav: { name: 'WAV', load: async () => (await import('@audio/decode-wav')).default },
  aiff: { name: 'AIFF', load: async () => (await import('@audio/decode-aiff')).default },
  mp3: { name: 'MP3', load: async () => (await import('@audio/decode-mp3')).default },
  // audio-type names FLAC in Ogg `flac` too: the FLAC decoder reads both.
  flac: { name: 'FLAC', load: async () => (await import('@audio/decode-flac')).default },
  opus: { name: 'Ogg Opus', load: async () => (await import('@audio/decode-opus')).default },
  oga: { name: 'Ogg Vorbis', load: async () => (await import('@audio/decode-vorbis')).default },
  m4a: aacCodec('AAC in M4A'),
  aac: aacCodec('AAC (ADTS)'),
};

function aacCodec(name: string): AudioCodec {
  return {
    name,
    load: async () => (await import('@audio/decode-aac')).default,
    optionalPackage: '@audio/decode-aac',
  };
}

/** The codec of a file from its first bytes, or undefined when it is none of the above. */
export function codecOf(bytes: Uint8Array, codecs = AUDIO_CODECS): AudioCodec | undefined {
  const format = audioType(bytes);
  return format === undefined ? undefined : codecs[format];
}
