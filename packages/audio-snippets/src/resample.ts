import type { SampleSpan } from './snippet-span.js';

/** Zero crossings of the sinc on each side of its centre: with a Blackman window, over 70 dB of stop band. */
const ZERO_CROSSINGS = 16;
/** The pass band ends at 95% of the lower Nyquist frequency, so the transition band lies below it. */
const ROLLOFF = 0.95;

const greatestCommonDivisor = (left: number, right: number): number =>
  right === 0 ? left : greatestCommonDivisor(right, left % right);

/** Blackman window over [-1, 1]. */
const blackman = (position: number) =>
  0.42 + 0.5 * Math.cos(Math.PI * position) + 0.08 * Math.cos(2 * Math.PI * position);

const sinc = (x: number) => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x));

/**
 * Resamples `span` of `samples` (all of them by default) from `fromRate` to `toRate` (whole
 * numbers of Hz) through a windowed-sinc low-pass at 95% of the lower Nyquist frequency: no
 * aliasing when decimating, no images when interpolating. The samples around the span, as far
 * as the filter reaches, are its context (silence past the signal's ends), so a snippet cut
 * from the middle of a clip has no edge artefacts. Gives `round(length * toRate / fromRate)`
 * samples, output sample m at input position `start + m * fromRate / toRate`.
 *
 * Polyphase: with the rates' ratio reduced to up/down, output positions fall on `up` phases
 * between input samples; each phase's taps are computed once (normalised to unit DC gain).
 */
export function resample(
  samples: Float32Array,
  fromRate: number,
  toRate: number,
  span: SampleSpan = { start: 0, length: samples.length },
): Float32Array {
  const divisor = greatestCommonDivisor(fromRate, toRate);
  const up = toRate / divisor;
  const down = fromRate / divisor;
  // Cut-off in cycles per input sample, and the filter's half-length in input samples.
  const cutoff = 0.5 * ROLLOFF * Math.min(1, toRate / fromRate);
  const halfWidth = ZERO_CROSSINGS / (2 * cutoff);
  const taps = Math.ceil(halfWidth);
  // Each phase's taps are computed when first needed: `up` can be in the hundreds (44.1 to 16 kHz
  // has 160) while a short span uses few of them.
  const phases: (Float64Array | undefined)[] = new Array(up);

  const tapsOf = (phase: number): Float64Array => {
    const cached = phases[phase];
    if (cached !== undefined) return cached;
    const weights = new Float64Array(2 * taps);
    let sum = 0;
    for (let tap = 0; tap < weights.length; tap += 1) {
      // Distance from the output position to input sample (first - taps + 1 + tap).
      const distance = phase / up + taps - 1 - tap;
      const weight =
        Math.abs(distance) >= halfWidth ? 0 : sinc(2 * cutoff * distance) * blackman(distance / halfWidth);
      weights[tap] = weight;
      sum += weight;
    }
    for (let tap = 0; tap < weights.length; tap += 1) weights[tap] = (weights[tap] as number) / sum;
    phases[phase] = weights;
    return weights;
  };

  const output = new Float32Array(Math.round((span.length * up) / down));
  for (let index = 0; index < output.length; index += 1) {
    const first = span.start + Math.floor((index * down) / up);
    const weights = tapsOf((index * down) % up);
    const from = first - taps + 1;
    let value = 0;
    if (from >= 0 && from + weights.length <= samples.length) {
      for (let tap = 0; tap < weights.length; tap += 1) {
        value += (weights[tap] as number) * (samples[from + tap] as number);
      }
    } else {
      // Only where the filter reaches past an end of the signal: silence there.
      for (let tap = 0; tap < weights.length; tap += 1) {
        const at = from + tap;
        if (at >= 0 && at < samples.length) value += (weights[tap] as number) * (samples[at] as number);
      }
    }
    output[index] = value;
  }
  return output;
}
