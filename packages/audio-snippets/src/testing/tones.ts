import { fileURLToPath } from 'node:url';

/** A sine of `frequency` Hz, `seconds` long at `sampleRate`. */
export function sine(frequency: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(sampleRate * seconds));
  for (let index = 0; index < samples.length; index += 1) {
    samples[index] = amplitude * Math.sin((2 * Math.PI * frequency * index) / sampleRate);
  }
  return samples;
}

/** The frequency of a tone from its zero crossings: two per period. */
export function zeroCrossingFrequency(samples: Float32Array, sampleRate: number): number {
  let crossings = 0;
  for (let index = 1; index < samples.length; index += 1) {
    if ((samples[index - 1] as number) < 0 !== (samples[index] as number) < 0) crossings += 1;
  }
  return crossings / 2 / (samples.length / sampleRate);
}

/** Root mean square: a tone of amplitude a has a / sqrt(2). */
export function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length);
}

/** A committed fixture file (see fixtures/README.md). */
export const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
