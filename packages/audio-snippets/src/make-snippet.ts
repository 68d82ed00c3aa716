import type { DecodedAudio } from './audio-codecs.js';
import { encodePcm16Wav } from './encode-wav.js';
import { mixToMono } from './mix-to-mono.js';
import { resample } from './resample.js';
import { SNIPPET_SAMPLE_RATE, type SnippetSettings } from './snippet-settings.js';
import { snippetSpan } from './snippet-span.js';

/** The snippet of a decoded clip as a 16 kHz mono 16-bit WAV file. */
export function makeSnippet(audio: DecodedAudio, settings: SnippetSettings): Buffer {
  const mono = mixToMono(audio.channelData);
  const span = snippetSpan(mono.length, audio.sampleRate, settings);
  return encodePcm16Wav([resample(mono, audio.sampleRate, SNIPPET_SAMPLE_RATE, span)], SNIPPET_SAMPLE_RATE);
}
