import type { SeededRandom } from '@tp2dg/entities';
import type { RgbImage } from './png-encoder.js';
import type { PcmAudio } from './wav-encoder.js';

const majorScale = [0, 2, 4, 5, 7, 9, 11, 12];
const minorScale = [0, 2, 3, 5, 7, 8, 10, 12];

const frequencyOf = (midiNote: number) => 440 * 2 ** ((midiNote - 69) / 12);

/**
 * About `seconds` of a short melody over a held triad, different per random stream: real
 * enough that an audio model hears pitch, mode and tempo, small enough to commit.
 */
export function synthesizeClip(random: SeededRandom, sampleRate = 8000, seconds = 3): PcmAudio {
  const samples = new Float32Array(Math.round(sampleRate * seconds));
  const root = 48 + random.int(12);
  const scale = random.int(2) === 0 ? majorScale : minorScale;
  const chord = [0, 2, 4].map((degree) => frequencyOf(root + (scale[degree] as number)));
  const noteSeconds = 60 / (80 + random.int(80)) / 2; // eighth notes at 80-159 bpm
  const melody = Array.from({ length: Math.ceil(seconds / noteSeconds) }, () =>
    frequencyOf(root + 12 + (random.pick(scale) as number)),
  );
  for (let index = 0; index < samples.length; index += 1) {
    const time = index / sampleRate;
    const note = Math.floor(time / noteSeconds);
    const sinceOnset = time - note * noteSeconds;
    const envelope = Math.min(1, sinceOnset / 0.01) * Math.exp(-sinceOnset * 6);
    const lead = Math.sin(2 * Math.PI * (melody[note] ?? 0) * time) * envelope * 0.35;
    const pad = chord.reduce((sum, frequency) => sum + Math.sin(2 * Math.PI * frequency * time), 0) * 0.08;
    // Short fades keep the clip from clicking at its edges.
    const fade = Math.min(1, time / 0.05, (seconds - time) / 0.05);
    samples[index] = (lead + pad) * fade;
  }
  return { sampleRate, samples };
}

type Colour = [number, number, number];
const patterns = ['diagonal', 'rings', 'stripes', 'checks'] as const;

function patternValue(pattern: (typeof patterns)[number], x: number, y: number, size: number): number {
  const u = x / (size - 1);
  const v = y / (size - 1);
  if (pattern === 'diagonal') return (u + v) / 2;
  if (pattern === 'rings') return (Math.sin(Math.hypot(u - 0.5, v - 0.5) * 40) + 1) / 2;
  if (pattern === 'stripes') return Math.floor(u * 8) % 2 === 0 ? v : 1 - v;
  return (Math.floor(u * 4) + Math.floor(v * 4)) % 2 === 0 ? u : 0.25 * v;
}

/** A square cover: a pattern blending two colours, chosen per random stream. */
export function synthesizeCover(random: SeededRandom, size = 64): RgbImage {
  const colour = (): Colour => [random.int(256), random.int(256), random.int(256)];
  const [from, to] = [colour(), colour()];
  const pattern = random.pick(patterns);
  const pixels = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const blend = patternValue(pattern, x, y, size);
      for (let channel = 0; channel < 3; channel += 1) {
        const start = from[channel] as number;
        pixels[(y * size + x) * 3 + channel] = Math.round(start + ((to[channel] as number) - start) * blend);
      }
    }
  }
  return { width: size, height: size, pixels };
}
