import { readFile } from 'node:fs/promises';
import { encodeMp3Frames } from '@tp2dg/data-loaders/test';
import { describe, expect, it } from 'vitest';
import { AUDIO_CODECS } from './audio-codecs.js';
import { AudioSnippetError } from './audio-snippet-error.js';
import { createAudioDecoder, decodeAudio } from './decode-audio.js';
import { encodePcm16Wav } from './encode-wav.js';
import { fixture, rms, sine, zeroCrossingFrequency } from './testing/tones.js';

const decodeFixture = async (name: string) => decodeAudio(await readFile(fixture(name)), name);

describe('decodeAudio', () => {
  it.each([
    // file, sample rate, channels; each holds half a second of a 440 Hz tone (fixtures/README.md).
    ['tone.flac', 44_100, 2],
    ['tone-flac.ogg', 44_100, 2],
    ['tone-opus.ogg', 48_000, 2],
    ['tone-vorbis.ogg', 44_100, 2],
    ['tone.mp3', 44_100, 2],
    ['tone.m4a', 44_100, 2],
    ['tone.aac', 44_100, 2],
    ['tone.aiff', 8_000, 1],
  ])('should decode %s to its half second of 440 Hz', async (name, sampleRate, channels) => {
    const audio = await decodeFixture(name);
    expect(audio.sampleRate).toBe(sampleRate);
    expect(audio.channelData).toHaveLength(channels);
    const left = audio.channelData[0] as Float32Array;
    // Lossy coders add priming samples (ADTS AAC keeps 1,024 of them).
    expect(left.length / sampleRate).toBeGreaterThanOrEqual(0.49);
    expect(left.length / sampleRate).toBeLessThan(0.53);
    expect(zeroCrossingFrequency(left, sampleRate)).toBeGreaterThan(430);
    expect(zeroCrossingFrequency(left, sampleRate)).toBeLessThan(460);
    // ffmpeg's sine has amplitude 1/8 (an RMS of 0.088), 3 dB less in each channel of the stereo files.
    expect(rms(left)).toBeGreaterThan(0.055);
  });

  it('should decode a 16-bit stereo WAV written by hand, channel by channel', async () => {
    const left = sine(1000, 44_100, 0.25, 0.5);
    const right = sine(500, 44_100, 0.25, 0.25);
    const audio = await decodeAudio(encodePcm16Wav([left, right], 44_100), 'stereo.wav');
    expect(audio.sampleRate).toBe(44_100);
    expect(audio.channelData).toHaveLength(2);
    expect(zeroCrossingFrequency(audio.channelData[0] as Float32Array, 44_100)).toBeCloseTo(1000, -1);
    expect(zeroCrossingFrequency(audio.channelData[1] as Float32Array, 44_100)).toBeCloseTo(500, -1);
    expect(audio.channelData[1]?.[100]).toBeCloseTo(right[100] as number, 4);
  });

  it('should decode MP3 frames to 1,152 samples of 44.1 kHz each', async () => {
    const audio = await decodeAudio(encodeMp3Frames(40), 'frames.mp3');
    expect(audio.sampleRate).toBe(44_100);
    // mpg123 leaves out the first frame's worth of decoder delay at most.
    expect(audio.channelData[0]?.length).toBeGreaterThanOrEqual(39 * 1152);
    expect(audio.channelData[0]?.length).toBeLessThanOrEqual(40 * 1152);
  });

  it.each([
    [
      'a WAV with no samples',
      encodePcm16Wav([new Float32Array(0)], 16_000),
      /WAV decoder finds no audio in it/,
    ],
    [
      'FLAC whose frames are zeros',
      Buffer.concat([Buffer.from('fLaC'), Buffer.alloc(4000)]),
      /FLAC decoder finds no audio/,
    ],
    [
      'text',
      Buffer.from('not audio at all, just text\n'.repeat(20)),
      /match no audio format a snippet can be cut from/,
    ],
  ])('should refuse %s, naming the file and the fix', async (_label, bytes, problem) => {
    const refusal = await decodeAudio(bytes, '/corpus/audio/bad.wav').catch((error: unknown) => error);
    expect(AudioSnippetError.isInstance(refusal)).toBe(true);
    const error = refusal as AudioSnippetError;
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.path).toBe('/corpus/audio/bad.wav');
    expect(error.message).toMatch(/^\/corpus\/audio\/bad\.wav: /);
    expect(error.problem).toMatch(problem);
    expect(error.fix).toMatch(/^(Replace it|Convert it)/);
  });

  it('should refuse a clip its decoder throws on, naming the file and the reason', async () => {
    const throwing = createAudioDecoder({
      ...AUDIO_CODECS,
      wav: {
        name: 'WAV',
        load: async () => () => {
          throw new Error('unsupported WAV format 85');
        },
      },
    });
    const wav = encodePcm16Wav([sine(440, 8000, 0.1)], 8000);
    await expect(throwing(wav, 'odd.wav')).rejects.toThrow(
      /^odd\.wav: its WAV data cannot be decoded \(unsupported WAV format 85\)\. Replace it, or convert it/,
    );
  });

  it('should name the AAC decoder to install, or the conversion, when it is not installed', async () => {
    const missing = Object.assign(new Error("Cannot find package '@audio/decode-aac'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    const withoutAac = createAudioDecoder({
      ...AUDIO_CODECS,
      m4a: { ...(AUDIO_CODECS.m4a as (typeof AUDIO_CODECS)[string]), load: () => Promise.reject(missing) },
    });
    const refusal = await withoutAac(await readFile(fixture('tone.m4a')), 'song.m4a').catch(
      (error: unknown) => error,
    );
    expect(AudioSnippetError.isInstance(refusal)).toBe(true);
    expect((refusal as Error).message).toBe(
      'song.m4a: it holds AAC in M4A, whose decoder (@audio/decode-aac, GPL-2.0) is not installed. ' +
        'Convert it to WAV, MP3, FLAC or Ogg (with ffmpeg, say), or run with --clip-seconds 0 to send files as they are, ' +
        'or install @audio/decode-aac where tp2dg is installed.',
    );
  });
});
